import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairCard } from '../../../shared/contract-repair';
import { calendarDateIn, daysBetween } from '../../../shared/dates';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { useErrorText } from '../../app/useErrorText';
import { useStoreTime } from '../../app/useStoreTime';
import { ApprovalModal } from './ApprovalModal';
import { DiagnoseModal } from './DiagnoseModal';
import { CheckModal, FinishModal } from './FinishCheckModals';
import { AssignModal, MoveModal, useMoveLabel } from './MoveModals';
import { OutcomeModal } from './OutcomeModal';
import { useNow } from './useNow';
import { FromVendorModal, ToVendorModal } from './VendorModals';
import { stepsFor, type Step } from './workflow-steps';
import { StatusTag } from '../../components/StatusTag';
import { yuan } from '../../app/money';

/** What the card says so far, only the parts that are filled in. */
function Summary({ card }: { card: RepairCard }) {
  const { t } = useTranslation();
  const time = useStoreTime();
  const approval = card.approvals.at(-1);
  const trip = card.vendorTrips.at(-1);
  const items = [
    card.diagnosis && {
      key: 'diagnosis',
      label: t('workflow.fields.diagnosis'),
      children: [card.diagnosis, card.cause].filter(Boolean).join(' · '),
    },
    (card.diagnosis || card.estimateFen > 0) && {
      key: 'estimate',
      label: t('workflow.fields.estimate'),
      children: (
        <>
          {t('workflow.fields.estimateVsLimit', {
            estimate: yuan(card.estimateFen),
            limit: yuan(card.costLimitFen),
          })}
          {card.needsApproval && (
            <Tag color="orange" style={{ marginLeft: 6 }}>
              {t('statuses.awaiting_approval')}
            </Tag>
          )}
        </>
      ),
    },
    approval && {
      key: 'approval',
      label: t('workflow.fields.decision'),
      children: `${t(`workflow.fields.decisions.${approval.decision}`)} · ${t(`workflow.fields.methods.${approval.method}`)} · ${approval.givenBy} · ${time(approval.at)}`,
    },
    card.actionTaken && {
      key: 'action',
      label: t('workflow.fields.actionTaken'),
      children: card.actionTaken,
    },
    card.checkedBy && {
      key: 'checked',
      label: t('workflow.buttons.check'),
      children: `${card.checkedBy.name} ${card.checkedAt ? time(card.checkedAt) : ''}`,
    },
    trip && {
      key: 'vendor',
      label: t('workflow.fields.vendor'),
      children: `${trip.vendor} · ${trip.rmaNo} · ${time(trip.sentAt)}${trip.returnedAt ? ` → ${time(trip.returnedAt)}` : ''}`,
    },
    card.outcome && {
      key: 'outcome',
      label: t('workflow.buttons.outcome'),
      children: [
        t(`workflow.fields.outcomes.${card.outcome}`),
        card.outcomeReason,
        card.replacementSerial && `${t('workflow.fields.replacementSerial')} ${card.replacementSerial}`,
      ]
        .filter(Boolean)
        .join(' · '),
    },
  ].filter((item) => !!item);
  if (items.length === 0) return null;
  return <Descriptions size="small" column={1} style={{ marginTop: 8 }} items={items} />;
}

/**
 * The workflow on the ticket page: status, days in the stage, the technician, and the next steps the
 * signed-in role may take now (from the state machine), each opening its small form.
 */
export function WorkflowPanel({
  card,
  customerName,
  categoryId,
  onChanged,
}: {
  card: RepairCard;
  customerName: string;
  categoryId: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { staff, timeZone } = useSession();
  const now = useNow(60_000);
  const moveLabel = useMoveLabel();
  const [open, setOpen] = useState<Step | null>(null);
  const steps = stepsFor(card, staff.role);
  const days =
    card.statusAt === null
      ? 0
      : daysBetween(calendarDateIn(card.statusAt, timeZone), calendarDateIn(now, timeZone)) + 1;

  const done = () => {
    setOpen(null);
    onChanged();
  };
  const claim = async () => {
    const result = await call('repair.claim', { ticket: card.ticketNo });
    if (!result.ok) void message.error(errorText(result.error));
    onChanged();
  };
  const labelOf = (step: Step) =>
    step.kind === 'move' ? moveLabel(card.status, step.to) : t(`workflow.buttons.${step.kind}`);
  const props = { card, onClose: () => setOpen(null), onDone: done };

  return (
    <Card size="small" data-testid="workflow" title={t('workflow.title')} style={{ marginBottom: 12 }}>
      <Space wrap>
        <StatusTag
          status={card.status}
          testId="workflow-status"
          style={{ fontSize: 14, padding: '2px 8px' }}
        />
        <Typography.Text type="secondary">{t('workflow.daysInStage', { count: days })}</Typography.Text>
        <Typography.Text data-testid="workflow-technician">
          {t('workflow.technician')}: {card.assignedTo?.name ?? t('workflow.unassigned')}
        </Typography.Text>
      </Space>
      <div style={{ marginTop: 8 }} data-testid="workflow-steps">
        <Space wrap>
          <Typography.Text strong>{t('workflow.nextSteps')}:</Typography.Text>
          {steps.length === 0 && <Typography.Text type="secondary">{t('workflow.noSteps')}</Typography.Text>}
          {steps.map((step, i) => (
            <Button
              key={step.kind === 'move' ? `move-${step.to}` : step.kind}
              type={i === 0 ? 'primary' : 'default'}
              danger={step.kind === 'move' && (step.to === 'cancelled' || step.to === 'returned_unrepaired')}
              onClick={() => (step.kind === 'claim' ? void claim() : setOpen(step))}
            >
              {labelOf(step)}
            </Button>
          ))}
        </Space>
      </div>
      <Summary card={card} />
      {open?.kind === 'diagnose' && <DiagnoseModal {...props} />}
      {open?.kind === 'approve' && <ApprovalModal {...props} customerName={customerName} />}
      {open?.kind === 'finish' && <FinishModal {...props} />}
      {open?.kind === 'check' && <CheckModal {...props} />}
      {open?.kind === 'assign' && <AssignModal {...props} />}
      {open?.kind === 'toVendor' && <ToVendorModal {...props} />}
      {open?.kind === 'fromVendor' && <FromVendorModal {...props} />}
      {open?.kind === 'outcome' && <OutcomeModal {...props} categoryId={categoryId} />}
      {open?.kind === 'move' && <MoveModal {...props} to={open.to} needsNote={open.needsNote} />}
    </Card>
  );
}
