import { Checkbox, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { oldPartFates, type RepairCard } from '../../../shared/contract-repair';
import { maxQuantity, type Part } from '../../../shared/parts';
import { supervisorRoles } from '../../../shared/roles';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { usePartsErrors } from '../parts/usePartsErrors';
import { ActionModal } from '../../components/ActionModal';
import { yuan } from '../../app/money';

type Props = { card: RepairCard; onClose: () => void; onDone: () => void };
type FitValues = {
  part: Part;
  quantity: number;
  oldPart: (typeof oldPartFates)[number];
  allowNegative?: boolean;
};

/**
 * Finds a part by a scanned barcode or typed SKU (Enter), else by name or model: one match is taken
 * at once, several are offered to pick from.
 */
function PartPicker({ value, onChange }: { value?: Part; onChange?: (part: Part) => void }) {
  const { t } = useTranslation();
  const [matches, setMatches] = useState<Part[] | null>(null);
  const [text, setText] = useState('');

  const lookup = async () => {
    const code = text.trim();
    if (!code) return;
    const exact = await call('parts.findByCode', { code });
    if (exact.ok) {
      setMatches(null);
      return onChange?.(exact.value);
    }
    const found = await call('parts.list', { query: code, limit: 10 });
    const rows = found.ok ? found.value.rows : [];
    if (rows.length === 1 && rows[0]) {
      setMatches(null);
      return onChange?.(rows[0]);
    }
    setMatches(rows);
  };

  const line = (part: Part) =>
    `${part.sku} · ${part.name} · ${yuan(part.priceFen)} · ${t('workflow.parts.onHand', { count: part.onHand })}`;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.Search
        autoFocus
        aria-label={t('workflow.parts.code')}
        value={text}
        enterButton={t('workflow.parts.find')}
        onChange={(event) => setText(event.target.value)}
        onSearch={() => void lookup()}
        // Enter looks the part up; it must not send the form before a part is chosen.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      {matches?.length === 0 && (
        <Typography.Text type="danger">{t('workflow.parts.notFound')}</Typography.Text>
      )}
      {matches && matches.length > 0 && (
        <Radio.Group
          aria-label={t('workflow.parts.pick')}
          value={value?.id}
          onChange={(event) => {
            const part = matches.find((m) => m.id === event.target.value);
            if (part) onChange?.(part);
          }}
          options={matches.map((part) => ({ value: part.id, label: line(part) }))}
          style={{ display: 'flex', flexDirection: 'column' }}
        />
      )}
      {value && (
        <Typography.Text strong data-testid="picked-part">
          {line(value)}
        </Typography.Text>
      )}
    </Space>
  );
}

/** Shown only when the quantity would take stock below zero, and only to a supervisor. */
function BelowZero() {
  const { t } = useTranslation();
  const role = useSession().staff.role;
  const part = Form.useWatch<Part | undefined>('part');
  const quantity = Form.useWatch<number | undefined>('quantity') ?? 0;
  if (!part || part.onHand >= quantity || !supervisorRoles.includes(role)) return null;
  return (
    <Form.Item name="allowNegative" valuePropName="checked">
      <Checkbox>{t('workflow.parts.allowNegative')}</Checkbox>
    </Form.Item>
  );
}

/** A part from stock fitted on the repair, and what became of the part it replaced. */
export function FitPartModal({ card, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { explain, markFields } = usePartsErrors();
  // Made once per dialog: a double press fits one part, not two.
  const [requestId] = useState(() => crypto.randomUUID());
  return (
    <ActionModal<FitValues>
      title={t('workflow.parts.fit')}
      initialValues={{ quantity: 1, oldPart: 'returned' }}
      run={(values) =>
        call('repair.usePart', {
          requestId,
          ticket: card.ticketId,
          partId: values.part.id,
          quantity: values.quantity,
          oldPart: values.oldPart,
          allowNegative: values.allowNegative ?? false,
        })
      }
      explain={explain}
      markFields={markFields}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="part"
        label={t('workflow.parts.code')}
        rules={[{ required: true, message: t('workflow.parts.pick') }]}
      >
        <PartPicker />
      </Form.Item>
      <Form.Item name="quantity" label={t('workflow.parts.quantity')} rules={[{ required: true }]}>
        <InputNumber min={1} max={maxQuantity} precision={0} />
      </Form.Item>
      <Form.Item name="oldPart" label={t('workflow.parts.oldPart')}>
        <Radio.Group
          optionType="button"
          options={oldPartFates.map((value) => ({ value, label: t(`workflow.parts.oldParts.${value}`) }))}
        />
      </Form.Item>
      <BelowZero />
    </ActionModal>
  );
}

/** A part taken for this job and not fitted goes back to stock (never more than the job holds). */
export function TakeBackModal({
  card,
  part,
  onClose,
  onDone,
}: Props & { part: { partId: string; name: string; held: number } }) {
  const { t } = useTranslation();
  const { explain, markFields } = usePartsErrors();
  const [requestId] = useState(() => crypto.randomUUID());
  return (
    <ActionModal<{ quantity: number }>
      title={t('workflow.parts.takeBackTitle', { name: part.name })}
      initialValues={{ quantity: part.held }}
      run={(values) =>
        call('parts.unuse', {
          requestId,
          ticketId: card.ticketId,
          partId: part.partId,
          quantity: values.quantity,
        })
      }
      explain={explain}
      markFields={markFields}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="quantity" label={t('workflow.parts.quantity')} rules={[{ required: true }]}>
        <InputNumber min={1} max={part.held} precision={0} autoFocus />
      </Form.Item>
    </ActionModal>
  );
}
