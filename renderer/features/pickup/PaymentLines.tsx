import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Radio, Space, Typography } from 'antd';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { paymentMethods } from '../../../shared/catalogue';
import {
  canAddLine,
  changeOf,
  nextDraft,
  sumOf,
  type DraftLine,
  type LineProblems,
  type PaymentMethod,
} from './payment-lines';
import { yuan } from '../../app/money';

type Props = {
  drafts: DraftLine[];
  onChange: (drafts: DraftLine[]) => void;
  /** What these lines are to pay (the balance), for the running difference; null: any amount. */
  dueFen: number | null;
  problems: LineProblems;
  fieldText: (code: string) => string;
  /** Enter in the last field: the screen moves on (to the save button). */
  onEnterPastEnd?: () => void;
  autoFocus?: boolean;
};

/**
 * A split payment, up to four lines, each a method and an amount; cash may say what the customer
 * handed over and shows the change. Enter walks from field to field, then past the last one.
 */
export function PaymentLines({
  drafts,
  onChange,
  dueFen,
  problems,
  fieldText,
  onEnterPastEnd,
  autoFocus,
}: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const set = (i: number, patch: Partial<DraftLine>) =>
    onChange(drafts.map((line, j) => (j === i ? { ...line, ...patch } : line)));

  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
    const inputs = [...(box.current?.querySelectorAll<HTMLInputElement>('input[data-pay-input]') ?? [])];
    const next = inputs[inputs.indexOf(event.currentTarget) + 1];
    if (!next && !onEnterPastEnd) return; // inside a dialog's form: Enter sends it
    event.preventDefault();
    if (next) next.focus();
    else onEnterPastEnd?.();
  };

  const problem = (path: string) =>
    problems[path] && (
      <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`problem-${path}`}>
        {fieldText(problems[path])}
      </Typography.Text>
    );

  const total = sumOf(drafts);
  const open = dueFen === null ? null : dueFen - total;
  return (
    <div ref={box} data-testid="payment-lines">
      {drafts.map((line, i) => {
        const change = changeOf(line);
        return (
          <div key={i} data-testid={`payment-line-${i}`} style={{ marginBottom: 10 }}>
            <Space wrap align="start">
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                value={line.method}
                data-testid={`payment-method-${i}`}
                onChange={(event) =>
                  set(i, {
                    method: event.target.value as PaymentMethod,
                    tendered: event.target.value === 'cash' ? line.tendered : '',
                  })
                }
                options={paymentMethods.map((method) => ({
                  value: method,
                  label: t(`paymentMethods.${method}`),
                }))}
              />
              <Space orientation="vertical" size={0}>
                <Input
                  prefix="¥"
                  inputMode="decimal"
                  autoComplete="off"
                  aria-label={t('pickup.pay.amount')}
                  placeholder={t('pickup.pay.amount')}
                  // An amount already filled in (the balance) leaves the focus to what was handed over.
                  autoFocus={autoFocus && i === 0 && (line.method !== 'cash' || line.amount === '')}
                  data-pay-input
                  data-testid={`payment-amount-${i}`}
                  status={problems[`lines.${i}.amountFen`] ? 'error' : undefined}
                  style={{ width: 150 }}
                  value={line.amount}
                  onChange={(event) => set(i, { amount: event.target.value })}
                  onKeyDown={onEnter}
                />
                {problem(`lines.${i}.amountFen`)}
              </Space>
              {line.method === 'cash' && (
                <Space orientation="vertical" size={0}>
                  <Input
                    prefix={t('pickup.pay.tenderedPrefix')}
                    inputMode="decimal"
                    autoComplete="off"
                    autoFocus={autoFocus && i === 0 && line.amount !== ''}
                    aria-label={t('pickup.pay.tendered')}
                    data-pay-input
                    data-testid={`payment-tendered-${i}`}
                    status={problems[`lines.${i}.tenderedFen`] ? 'error' : undefined}
                    style={{ width: 170 }}
                    value={line.tendered}
                    onChange={(event) => set(i, { tendered: event.target.value })}
                    onKeyDown={onEnter}
                  />
                  {problem(`lines.${i}.tenderedFen`)}
                </Space>
              )}
              {change !== null && (
                <Typography.Text strong style={{ fontSize: 18, lineHeight: '32px' }}>
                  {t('pickup.pay.change')} <span data-testid={`payment-change-${i}`}>{yuan(change)}</span>
                </Typography.Text>
              )}
              {drafts.length > 1 && (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('pickup.pay.removeLine')}
                  onClick={() => onChange(drafts.filter((_, j) => j !== i))}
                />
              )}
            </Space>
          </div>
        );
      })}
      <Space wrap>
        <Button
          icon={<PlusOutlined />}
          disabled={!canAddLine(drafts)}
          onClick={() => onChange([...drafts, nextDraft(drafts, dueFen)])}
          data-testid="payment-add-line"
        >
          {t('pickup.pay.addLine')}
        </Button>
        <Typography.Text data-testid="payment-total">
          {t('pickup.pay.total', { amount: yuan(total) })}
          {open !== null && open !== 0 && (
            <Typography.Text type="warning">
              {' · '}
              {open > 0
                ? t('pickup.pay.stillOpen', { amount: yuan(open) })
                : t('pickup.pay.tooMuch', { amount: yuan(-open) })}
            </Typography.Text>
          )}
        </Typography.Text>
        {problem('lines')}
      </Space>
    </div>
  );
}
