import { App, Checkbox, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { maxQuantity, type Part } from '../../../shared/parts';
import type { AppError, Result } from '../../../shared/result';
import { call } from '../../api';
import { useOverride } from '../auth/useOverride';
import { usePartsErrors } from './usePartsErrors';

export type MoveKind = 'receive' | 'adjust' | 'returnToVendor';
type Moved = OutputOf<'parts.receive'>;
type Values = {
  quantity: number;
  rmaNo?: string;
  vendor?: string;
  reason?: string;
  note?: string;
  allowNegative?: boolean;
};

/**
 * One stock movement of a part: a delivery (or pieces back from a vendor under an RMA number), an
 * adjustment with its reason, or a return to a vendor. An adjustment by a clerk asks a supervisor
 * for their PIN (the core's override); taking stock below zero must be ticked explicitly.
 */
export function StockMoveModal({
  kind,
  part,
  onClose,
  onMoved,
}: {
  kind: MoveKind;
  part: Part;
  onClose: () => void;
  onMoved: (moved: Moved) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { explain, markFields } = usePartsErrors();
  const override = useOverride();
  const [form] = Form.useForm<Values>();
  // Made once per dialog: a double press of OK moves stock once.
  const [requestId] = useState(() => crypto.randomUUID());
  const quantity = Form.useWatch('quantity', form) ?? 0;
  const change = kind === 'receive' ? quantity : kind === 'adjust' ? quantity : -quantity;
  const belowZero = part.onHand + change < 0;

  const send = (values: Values): Promise<Result<Moved>> => {
    const allowNegative = belowZero && Boolean(values.allowNegative);
    const note = values.note ?? '';
    if (kind === 'receive') {
      return call('parts.receive', {
        requestId,
        partId: part.id,
        quantity: values.quantity,
        rmaNo: values.rmaNo ?? '',
        note,
      });
    }
    if (kind === 'adjust') {
      return override.callWithOverride('parts.adjust', {
        requestId,
        partId: part.id,
        quantity: values.quantity,
        reason: values.reason ?? '',
        allowNegative,
      });
    }
    return call('parts.returnToVendor', {
      requestId,
      partId: part.id,
      quantity: values.quantity,
      vendor: values.vendor ?? '',
      rmaNo: values.rmaNo ?? '',
      note,
      allowNegative,
    });
  };

  const refuse = (error: AppError) => {
    if (error.code === 'override_required') return; // the supervisor was asked and declined
    markFields(form, error);
    void message.error(explain(error));
  };

  const save = async () => {
    const values = await form.validateFields();
    const result = await send(values);
    if (!result.ok) return refuse(result.error);
    void message.success(t('parts.move.done', { name: part.name, count: result.value.part.onHand }));
    onMoved(result.value);
  };

  const required = { required: true, message: t('fieldErrors.required') };
  return (
    <Modal
      open
      title={t(`parts.move.titles.${kind}`, { name: part.name })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {part.sku} · {t('parts.move.onHand', { count: part.onHand })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ vendor: part.supplier }}
        onFinish={() => void save()}
      >
        <Form.Item
          name="quantity"
          label={kind === 'adjust' ? t('parts.move.adjustQuantity') : t('parts.move.quantity')}
          rules={[required]}
        >
          <InputNumber
            autoFocus
            min={kind === 'adjust' ? -maxQuantity : 1}
            max={maxQuantity}
            precision={0}
            style={{ width: 160 }}
          />
        </Form.Item>
        {kind === 'returnToVendor' && (
          <Form.Item name="vendor" label={t('parts.move.vendor')} rules={[required]}>
            <Input maxLength={60} />
          </Form.Item>
        )}
        {kind !== 'adjust' && (
          <Form.Item
            name="rmaNo"
            label={t('parts.move.rmaNo')}
            extra={kind === 'receive' ? t('parts.move.rmaBackHelp') : undefined}
            rules={kind === 'returnToVendor' ? [required] : []}
          >
            <Input maxLength={40} />
          </Form.Item>
        )}
        {kind === 'adjust' ? (
          <Form.Item name="reason" label={t('parts.move.reason')} rules={[required]}>
            <Input maxLength={200} />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('parts.move.note')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {kind !== 'receive' && belowZero && (
          <Form.Item name="allowNegative" valuePropName="checked">
            <Checkbox>{t('parts.move.allowNegative')}</Checkbox>
          </Form.Item>
        )}
        {/* Enter in any field saves, as the OK button does. */}
        <button type="submit" hidden />
      </Form>
      {override.dialog}
    </Modal>
  );
}
