import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Divider, Input, Row, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bill, Pickup } from '../../../shared/contract-payments';
import type { AppError } from '../../../shared/result';
import { call } from '../../api';
import { PaymentLines } from './PaymentLines';
import { SignaturePad } from './SignaturePad';
import { usePaymentErrors } from './usePaymentErrors';
import { defaultDrafts, toPaymentLines, type DraftLine, type LineProblems } from './payment-lines';
import { yuan } from '../../app/money';

/** Refusals that mean the screen shows an old ticket: read it again before anyone retries. */
const staleCodes = new Set(['changed_meanwhile', 'invalid_transition']);

/**
 * The hand-back itself: the balance paid (split if the customer wishes, cash with change), the
 * customer's signature, a note, and Save (or Ctrl+Enter), which collects the ticket in one step. The
 * idempotency key is made once per ticket on this screen: a double press or a retry after a lost
 * answer hands the device over once.
 */
export function HandBackForm({
  bill,
  onSaved,
  onStale,
}: {
  bill: Bill;
  onSaved: (pickup: Pickup) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { explain, fieldText } = usePaymentErrors();
  const due = Math.max(0, bill.balanceFen);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  // The lines start from the balance, and start again when it changes (a discount, a payment).
  const [lines, setLines] = useState<{ due: number; drafts: DraftLine[] }>(() => ({
    due,
    drafts: defaultDrafts(due),
  }));
  const [problems, setProblems] = useState<LineProblems>({});
  if (lines.due !== due) {
    setLines({ due, drafts: defaultDrafts(due) });
    setProblems({});
  }
  // Read at save time from the ref: the stroke just finished may not have re-rendered the form yet.
  const signature = useRef<string | null>(null);
  const [signatureMissing, setSignatureMissing] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  // A second press before the first answer (a double click, a held Ctrl+Enter) is dropped here, so
  // the voucher prints once; the idempotency key covers a retry after a lost answer.
  const inFlight = useRef(false);
  const saveButton = useRef<HTMLButtonElement>(null);

  const refuse = (error: AppError) => {
    setProblems(error.fields ?? {});
    void message.error(explain(error));
    // The balance moved meanwhile (a payment at another counter): the screen reads it again.
    if (staleCodes.has(error.code) || error.fields?.lines === 'must_settle') onStale();
  };

  const save = async () => {
    if (inFlight.current) return;
    const checked = toPaymentLines(lines.drafts, { mustTotal: due });
    setProblems(checked.problems);
    setSignatureMissing(signature.current === null);
    if (Object.keys(checked.problems).length > 0) return void message.error(t('pickup.errors.checkLines'));
    if (signature.current === null) return void message.error(t('pickup.signature.required'));
    inFlight.current = true;
    setBusy(true);
    const result = await call('pickup.save', {
      ticket: bill.ticketId,
      version: bill.version,
      lines: checked.lines,
      signature: { mime: 'image/png', data: signature.current },
      note,
      idempotencyKey,
    });
    inFlight.current = false;
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else refuse(result.error);
  };

  // Ctrl+Enter saves from anywhere on the screen, as it does at intake.
  const latestSave = useRef(save);
  useEffect(() => {
    latestSave.current = save;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void latestSave.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div data-testid="hand-back">
      <Divider titlePlacement="start">{t('pickup.pay.title')}</Divider>
      {due > 0 ? (
        <PaymentLines
          drafts={lines.drafts}
          onChange={(drafts) => {
            setLines({ due, drafts });
            setProblems({});
          }}
          dueFen={due}
          problems={problems}
          fieldText={fieldText}
          onEnterPastEnd={() => saveButton.current?.focus()}
          autoFocus
        />
      ) : (
        <Alert
          type={bill.balanceFen < 0 ? 'warning' : 'success'}
          showIcon
          data-testid="nothing-due"
          title={
            bill.balanceFen < 0
              ? t('pickup.pay.giveBack', { amount: yuan(-bill.balanceFen) })
              : t('pickup.pay.nothingDue')
          }
        />
      )}
      <Divider titlePlacement="start">{t('pickup.signature.title')}</Divider>
      <Row gutter={24}>
        <Col flex="none">
          <SignaturePad
            onChange={(data) => {
              signature.current = data;
              if (data) setSignatureMissing(false);
            }}
          />
          {signatureMissing && (
            <div>
              <Typography.Text type="danger" data-testid="signature-missing">
                {t('pickup.signature.required')}
              </Typography.Text>
            </div>
          )}
        </Col>
        <Col flex="1 1 320px">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('pickup.save.confirmText')}</Typography.Text>
            <Input
              maxLength={200}
              placeholder={t('pickup.save.note')}
              aria-label={t('pickup.save.note')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            <Button
              ref={saveButton}
              type="primary"
              size="large"
              icon={<CheckOutlined />}
              loading={busy}
              onClick={() => void save()}
              data-testid="pickup-save"
            >
              {t('pickup.save.button')}
            </Button>
            <Typography.Text type="secondary">{t('pickup.save.shortcut')}</Typography.Text>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
