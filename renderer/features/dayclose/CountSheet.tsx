import { InputNumber, Table, Typography } from 'antd';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countTotal, denominations, type CashCount } from '../../../shared/cash';
import { countLines, denominationLabel } from '../../print/z-report-format';
import { yuan } from '../../app/money';

/** The most pieces of one denomination the core accepts (shared/cash.ts). */
const maxPieces = 100_000;

type Line = ReturnType<typeof countLines>[number];

/**
 * Counting the drawer by denomination, ¥100 down to 1 角: a row per note or coin with the number of
 * pieces, the row's value and the total. Made for the keyboard: Tab or Enter moves down a row, and
 * Enter on the last row hands over to `onDone` (the form's save button), so a count is typed
 * without the mouse. `testIdPrefix` keeps the float's and the close's sheets apart for tests.
 */
export function CountSheet({
  value,
  onChange,
  testIdPrefix,
  errors = {},
  onDone,
  autoFocus,
}: {
  value: CashCount;
  onChange: (next: CashCount) => void;
  testIdPrefix: string;
  /** Refused lines by denomination (`'5000'`), already in words. */
  errors?: Record<string, string>;
  onDone?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const sheet = useRef<HTMLDivElement>(null);

  // An emptied line is left out rather than sent as 0: the count holds only what is in the drawer.
  const set = (fen: number, pieces: number | null) =>
    onChange(
      Object.fromEntries(
        Object.entries({ ...value, [String(fen)]: pieces ?? 0 }).filter(([, n]) => n !== undefined && n > 0),
      ),
    );

  const enterMovesDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const inputs = [...(sheet.current?.querySelectorAll<HTMLInputElement>('input') ?? [])];
    const next = inputs[inputs.indexOf(event.currentTarget) + 1];
    if (next) {
      next.focus();
      next.select();
    } else onDone?.();
  };

  return (
    <div ref={sheet} data-testid={`${testIdPrefix}-count-sheet`}>
      <Table<Line>
        size="small"
        pagination={false}
        rowKey="fen"
        dataSource={countLines(value)}
        columns={[
          {
            title: t('dayclose.count.denomination'),
            dataIndex: 'fen',
            render: (fen: number) => denominationLabel(fen, t),
          },
          {
            title: t('dayclose.count.pieces'),
            key: 'pieces',
            render: (_, line) => (
              <>
                <InputNumber
                  data-testid={`${testIdPrefix}-count-${line.fen}`}
                  aria-label={t('dayclose.count.piecesOf', { name: denominationLabel(line.fen, t) })}
                  value={value[String(line.fen)] ?? null}
                  onChange={(pieces) => set(line.fen, typeof pieces === 'number' ? pieces : null)}
                  onKeyDown={enterMovesDown}
                  onFocus={(event) => event.target.select()}
                  autoFocus={autoFocus && line.fen === denominations[0]}
                  min={0}
                  max={maxPieces}
                  precision={0}
                  controls={false}
                  inputMode="numeric"
                  placeholder="0"
                  status={errors[String(line.fen)] ? 'error' : undefined}
                  style={{ width: 110 }}
                />
                {errors[String(line.fen)] && (
                  <Typography.Text type="danger" style={{ display: 'block' }}>
                    {errors[String(line.fen)]}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('dayclose.count.lineTotal'),
            dataIndex: 'totalFen',
            align: 'right',
            render: (fen: number, line) => (
              <span data-testid={`${testIdPrefix}-line-${line.fen}`}>{fen ? yuan(fen) : ''}</span>
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <strong>{t('dayclose.figures.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong data-testid={`${testIdPrefix}-count-total`}>{yuan(countTotal(value))}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </div>
  );
}
