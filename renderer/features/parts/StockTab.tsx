import { App, Button, Checkbox, Input, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canCall } from '../../../shared/contract';
import { yuan } from '../../app/money';
import type { Part } from '../../../shared/parts';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { useDebounced } from '../../app/useDebounced';
import { useRemote } from '../../app/useRemote';
import { useScanner } from '../../app/useScanner';
import { MovementsDrawer } from './MovementsDrawer';
import { noScanPattern, partCodePattern } from './part-code';
import { PartFormModal } from './PartFormModal';
import { StockMoveModal, type MoveKind } from './StockMoveModal';
import { usePartsErrors } from './usePartsErrors';

const pageSize = 20;
/** Codes, amounts and short headings stay on one line. */
const noWrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

type Open =
  | { dialog: 'form'; part: Part | null }
  | { dialog: 'move'; kind: MoveKind; part: Part }
  | { dialog: 'history'; part: Part }
  | null;

/**
 * The stock list: search (a scanned barcode searches too), low-stock and inactive filters, each
 * part's stock with its flags, and the acts on it: receive, adjust, return to vendor, ledger, edit.
 */
export function StockTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { explain } = usePartsErrors();
  const role = useSession().staff.role;
  const [typed, setTyped] = useState('');
  const query = useDebounced(typed.trim(), 250);
  const [lowOnly, setLowOnly] = useState(false);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Open>(null);
  const filter = { query, lowOnly, includeInactive, limit: pageSize, offset: (page - 1) * pageSize };
  const { data, reload } = useRemote('parts.list', filter);

  // A scan on this screen looks the part up; while a dialog is open its fields take the scan.
  const onScan = useCallback((code: string) => {
    setTyped(code);
    setPage(1);
  }, []);
  useScanner(open ? noScanPattern : partCodePattern, onScan);

  const check = async () => {
    const result = await call('parts.check', {});
    if (!result.ok) return void message.error(explain(result.error));
    const { mismatches, parts, movements } = result.value;
    if (mismatches.length === 0) void message.success(t('parts.checkOk', { parts, movements }));
    else void message.warning(t('parts.checkMismatch', { count: mismatches.length }));
  };

  const done = () => {
    setOpen(null);
    reload();
  };
  const act = (kind: MoveKind, part: Part) => setOpen({ dialog: 'move', kind, part });
  const flags = (part: Part) => (
    <>
      {part.onHand < 0 && <Tag color="red">{t('parts.flags.negative')}</Tag>}
      {part.low && <Tag color="orange">{t('parts.flags.low')}</Tag>}
      {!part.active && <Tag>{t('parts.flags.inactive')}</Tag>}
    </>
  );

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            autoFocus
            aria-label={t('parts.search')}
            placeholder={t('parts.searchPlaceholder')}
            style={{ width: 340 }}
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setPage(1);
            }}
          />
          <Checkbox
            checked={lowOnly}
            onChange={(e) => {
              setLowOnly(e.target.checked);
              setPage(1);
            }}
          >
            {t('parts.lowOnly')}
          </Checkbox>
          <Checkbox
            checked={includeInactive}
            onChange={(e) => {
              setIncludeInactive(e.target.checked);
              setPage(1);
            }}
          >
            {t('parts.includeInactive')}
          </Checkbox>
        </Space>
        <Space>
          {canCall('parts.check', role) && <Button onClick={() => void check()}>{t('parts.check')}</Button>}
          {canCall('parts.save', role) && (
            <Button type="primary" onClick={() => setOpen({ dialog: 'form', part: null })}>
              {t('parts.add')}
            </Button>
          )}
        </Space>
      </Space>
      <Table<Part>
        rowKey="id"
        size="small"
        loading={!data}
        dataSource={data?.rows ?? []}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (count) => t('parts.total', { count }),
          onChange: setPage,
        }}
        columns={[
          {
            title: `${t('parts.columns.sku')} / ${t('parts.columns.barcode')}`,
            dataIndex: 'sku',
            onCell: noWrap,
            onHeaderCell: noWrap,
            render: (sku: string, part) => (
              <>
                <div>{sku}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {part.barcode}
                </Typography.Text>
              </>
            ),
          },
          {
            title: `${t('parts.columns.name')} / ${t('parts.columns.compatibleModels')}`,
            dataIndex: 'name',
            render: (name: string, part) => (
              <>
                <div>
                  {name} {flags(part)}
                </div>
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 300 }}>
                  {part.compatibleModels.join('、')}
                </Typography.Text>
              </>
            ),
          },
          { title: t('parts.columns.supplier'), dataIndex: 'supplier' },
          {
            title: t('parts.columns.price'),
            dataIndex: 'priceFen',
            align: 'right',
            onCell: noWrap,
            onHeaderCell: noWrap,
            render: (fen: number) => yuan(fen),
          },
          {
            title: t('parts.columns.onHand'),
            dataIndex: 'onHand',
            align: 'right',
            onHeaderCell: noWrap,
            render: (n: number, part) => (
              <Typography.Text
                strong
                type={n < 0 ? 'danger' : part.low ? 'warning' : undefined}
                data-testid={`on-hand-${part.sku}`}
              >
                {n}
              </Typography.Text>
            ),
          },
          {
            title: t('parts.columns.reorderLevel'),
            dataIndex: 'reorderLevel',
            align: 'right',
            onHeaderCell: noWrap,
          },
          {
            title: t('parts.columns.actions'),
            onCell: noWrap,
            render: (_v, part) => (
              <Space size={4}>
                <Button size="small" onClick={() => act('receive', part)}>
                  {t('parts.actions.receive')}
                </Button>
                <Button size="small" onClick={() => act('adjust', part)}>
                  {t('parts.actions.adjust')}
                </Button>
                {canCall('parts.returnToVendor', role) && (
                  <Button size="small" onClick={() => act('returnToVendor', part)}>
                    {t('parts.actions.returnToVendor')}
                  </Button>
                )}
                <Button size="small" onClick={() => setOpen({ dialog: 'history', part })}>
                  {t('parts.actions.history')}
                </Button>
                {canCall('parts.save', role) && (
                  <Button size="small" onClick={() => setOpen({ dialog: 'form', part })}>
                    {t('parts.actions.edit')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {open?.dialog === 'form' && (
        <PartFormModal part={open.part} onClose={() => setOpen(null)} onSaved={done} />
      )}
      {open?.dialog === 'move' && (
        <StockMoveModal kind={open.kind} part={open.part} onClose={() => setOpen(null)} onMoved={done} />
      )}
      {open?.dialog === 'history' && <MovementsDrawer part={open.part} onClose={() => setOpen(null)} />}
    </>
  );
}
