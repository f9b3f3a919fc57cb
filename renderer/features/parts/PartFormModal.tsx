import { App, Col, Form, Input, InputNumber, Modal, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/contract';
import { barcodeSchema, maxQuantity, skuSchema, type Part } from '../../../shared/parts';
import { call } from '../../api';
import { YuanInput, yuanRule } from '../../components/YuanInput';
import { usePartsErrors } from './usePartsErrors';

type Values = Omit<InputOf<'parts.save'>, 'compatibleModels'> & { compatibleModels: string };

/** A new part starts with no prices: the clerk types them, rather than saving ¥0.00 by mistake. */
const blank: Partial<Values> = { reorderLevel: 0, active: true, compatibleModels: '' };

const toValues = (part: Part): Values => ({
  id: part.id,
  sku: part.sku,
  barcode: part.barcode,
  name: part.name,
  compatibleModels: part.compatibleModels.join('\n'),
  costFen: part.costFen,
  priceFen: part.priceFen,
  reorderLevel: part.reorderLevel,
  supplier: part.supplier,
  active: part.active,
});

/**
 * Adds or edits a catalogue entry (supervisors). The stock figure is not here: it moves only
 * through receipts, uses, returns, adjustments and counts. The barcode field takes a scan.
 */
export function PartFormModal({
  part,
  onClose,
  onSaved,
}: {
  /** The part to edit; null to add one. */
  part: Part | null;
  onClose: () => void;
  onSaved: (part: Part) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { explain, markFields, schemaRule } = usePartsErrors();
  const [form] = Form.useForm<Values>();
  const required = { required: true, message: t('fieldErrors.required') };

  const save = async () => {
    const values = await form.validateFields();
    const compatibleModels = values.compatibleModels
      .split(/\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    const result = await call('parts.save', { ...values, id: part?.id, compatibleModels });
    if (!result.ok) {
      markFields(form, result.error);
      void message.error(explain(result.error));
      return;
    }
    void message.success(t('parts.saved'));
    onSaved(result.value);
  };

  return (
    <Modal
      open
      width={720}
      title={part ? t('parts.edit') : t('parts.add')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={part ? toValues(part) : blank}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="sku"
              label={t('parts.form.sku')}
              extra={t('parts.form.skuHelp')}
              rules={[required, schemaRule(skuSchema)]}
            >
              <Input autoFocus maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="barcode"
              label={t('parts.form.barcode')}
              extra={t('parts.form.barcodeHelp')}
              rules={[schemaRule(barcodeSchema)]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="supplier" label={t('parts.form.supplier')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="name" label={t('parts.form.name')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="costFen"
              label={t('parts.form.cost')}
              rules={[required, yuanRule(t('fieldErrors.money_format'))]}
            >
              <YuanInput />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="priceFen"
              label={t('parts.form.price')}
              rules={[required, yuanRule(t('fieldErrors.money_format'))]}
            >
              <YuanInput />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="reorderLevel"
              label={t('parts.form.reorderLevel')}
              extra={t('parts.form.reorderLevelHelp')}
              rules={[required]}
            >
              <InputNumber min={0} max={maxQuantity} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="compatibleModels"
          label={t('parts.form.compatibleModels')}
          extra={t('parts.form.compatibleModelsHelp')}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="active" label={t('parts.form.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
