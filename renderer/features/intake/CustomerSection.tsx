import { AutoComplete, Col, Form, Input, Row, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { call } from '../../api';
import type { IntakeFormInstance } from './intake-form';

type Found = OutputOf<'customers.find'>;

/**
 * Phone first: as the clerk types a number (or its last 4 digits) or a name, known customers are
 * offered; choosing one fills the customer and offers their devices.
 */
export function CustomerSection({
  form,
  onDevices,
}: {
  form: IntakeFormInstance;
  onDevices: (devices: Found[number]['devices']) => void;
}) {
  const { t } = useTranslation();
  const [found, setFound] = useState<Found>([]);
  const customerId = Form.useWatch(['customer', 'id'], form);

  const lookUp = async (query: string) => {
    if (query.replace(/\D/g, '').length < 4 && query.trim().length < 2) return setFound([]);
    const result = await call('customers.find', { query: query.trim() });
    setFound(result.ok ? result.value : []);
  };

  const choose = (id: string) => {
    const customer = found.find((candidate) => candidate.id === id);
    if (!customer) return;
    form.setFieldsValue({
      customer: {
        id: customer.id,
        name: customer.name,
        phones: [customer.phones[0] ?? '', customer.phones[1] ?? ''],
        address: customer.address,
        notes: customer.notes,
      },
    });
    onDevices(customer.devices);
  };

  /** Options whose value is what the box should show (a phone, a name); the customer rides along. */
  const optionsShowing = (text: (customer: Found[number]) => string) =>
    found.map((customer) => ({
      key: customer.id,
      value: text(customer),
      label: `${customer.name} · ${customer.phones.join(' / ')}`,
      customerId: customer.id,
    }));
  const onSelect = (_value: string, option: { customerId: string }) => choose(option.customerId);
  const required = { required: true, message: t('fieldErrors.required') };
  return (
    <>
      <Form.Item name={['customer', 'id']} hidden>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name={['customer', 'phones', 0]} label={t('intake.phone')} rules={[required]}>
            <AutoComplete
              options={optionsShowing((c) => c.phones[0] ?? '')}
              onSearch={lookUp}
              onSelect={onSelect}
            >
              <Input autoFocus inputMode="tel" maxLength={30} />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['customer', 'name']} label={t('intake.customerName')} rules={[required]}>
            <AutoComplete options={optionsShowing((c) => c.name)} onSearch={lookUp} onSelect={onSelect}>
              <Input maxLength={60} />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['customer', 'phones', 1]} label={t('intake.phone2')}>
            <Input inputMode="tel" maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
      {customerId && <Tag color="blue">{t('intake.returningCustomer')}</Tag>}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={['customer', 'address']} label={t('intake.address')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['customer', 'notes']} label={t('intake.customerNotes')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
