import { Alert, Form, Input, Radio, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { outcomes, type RepairCard } from '../../../shared/contract-repair';
import { nextStatuses } from '../../../shared/ticket-status';
import { call } from '../../api';
import { useCatalogue } from '../../app/useCatalogue';
import { useRemote } from '../../app/useRemote';
import { useSession } from '../../app/session';
import { ActionModal } from '../../components/ActionModal';

type Outcome = (typeof outcomes)[number];
type Values = { outcome: Outcome; reason: string; replacementSerial: string };
type Warranty = OutputOf<'repair.warranty'>;

/** What the rules entitle the customer to today, and why (failed repairs, days waiting for parts). */
function Entitlement({ warranty, categoryId }: { warranty: Warranty; categoryId: string }) {
  const { t } = useTranslation();
  const { category, label } = useCatalogue();
  const partLabel = (key: unknown) => {
    const item = category(categoryId)?.warrantyParts.find((p) => p.key === key);
    return item ? label(item) : String(key ?? '');
  };
  const facts = [
    t('workflow.warranty.failedRepairs', { count: warranty.failedRepairs }),
    warranty.awaitingPartsDays !== null &&
      t('workflow.warranty.awaitingPartsDays', { days: warranty.awaitingPartsDays }),
  ].filter(Boolean);
  return (
    <Alert
      data-testid="warranty-now"
      type={
        warranty.outcomes.includes('replace') || warranty.outcomes.includes('refund') ? 'success' : 'info'
      }
      showIcon
      style={{ marginBottom: 12 }}
      title={
        <span>
          {t('workflow.warranty.entitled')}{' '}
          {warranty.outcomes.map((outcome) => (
            <Tag key={outcome} color={outcome === 'paid_repair' ? 'default' : 'green'}>
              {t(`warranty.outcomes.${outcome}`)}
            </Tag>
          ))}{' '}
          · {facts.join(' · ')}
        </span>
      }
      description={warranty.reasons
        .map((reason) => t(`warranty.reasons.${reason.code}`, { ...reason, part: partLabel(reason.part) }))
        .join(' ')}
    />
  );
}

/** The fields that depend on the choice: a reason where one is needed, the replacement's serial. */
function OutcomeDetails({ warranty }: { warranty: Warranty }) {
  const { t } = useTranslation();
  const outcome = Form.useWatch<Outcome | undefined>('outcome');
  const entitled =
    outcome === 'replace'
      ? warranty.outcomes.includes('replace')
      : outcome === 'refund'
        ? warranty.outcomes.includes('refund')
        : outcome !== 'rejected';
  return (
    <>
      {outcome === 'replace' && (
        <Form.Item name="replacementSerial" label={t('workflow.fields.replacementSerial')}>
          <Input maxLength={40} />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={t('workflow.fields.reason')}
        extra={t('workflow.fields.reasonHint')}
        rules={
          entitled ? [] : [{ required: true, whitespace: true, message: t('fieldErrors.reason_required') }]
        }
      >
        <Input maxLength={300} />
      </Form.Item>
    </>
  );
}

/**
 * The 三包 decision (supervisors): the assessment as it stands today, then repair (free), replace,
 * refund or rejected. Replace and refund close the repair; granting what the rules do not entitle
 * the customer to, or rejecting, needs the reason.
 */
export function OutcomeModal({
  card,
  categoryId,
  onClose,
  onDone,
}: {
  card: RepairCard;
  categoryId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const role = useSession().staff.role;
  const { data: warranty } = useRemote('repair.warranty', { ticket: card.ticketId });
  const closing = nextStatuses(card.status, role, 'outcome');
  const possible: Record<Outcome, boolean> = {
    repair: true,
    rejected: true,
    replace: closing.includes('replaced'),
    refund: closing.includes('refunded'),
  };
  return (
    <ActionModal<Values>
      title={t('workflow.buttons.outcome')}
      run={(values) =>
        call('repair.outcome', {
          ticket: card.ticketId,
          version: card.version,
          outcome: values.outcome,
          reason: values.reason ?? '',
          replacementSerial: values.replacementSerial ?? '',
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      {warranty ? <Entitlement warranty={warranty} categoryId={categoryId} /> : <Spin />}
      <Form.Item
        name="outcome"
        label={t('workflow.fields.outcome')}
        rules={[{ required: true, message: t('fieldErrors.required') }]}
      >
        <Radio.Group
          optionType="button"
          options={outcomes.map((value) => ({
            value,
            label: t(`workflow.fields.outcomes.${value}`),
            disabled: !possible[value],
          }))}
        />
      </Form.Item>
      {warranty && <OutcomeDetails warranty={warranty} />}
    </ActionModal>
  );
}
