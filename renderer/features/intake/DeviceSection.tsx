import { AutoComplete, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequirableField } from '../../../shared/catalogue';
import type { OutputOf } from '../../../shared/contract';
import { call } from '../../api';
import { useCatalogue } from '../../app/useCatalogue';
import type { IntakeFormInstance } from './intake-form';

type Device = OutputOf<'customers.find'>[number]['devices'][number];

/** Dates are `YYYY-MM-DD` strings in the form (as in the contract); the picker works in dayjs. */
export const dateField = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: dayjs.Dayjs | null) => value?.format('YYYY-MM-DD') ?? null,
};

export function DeviceSection({
  form,
  knownDevices,
  required,
}: {
  form: IntakeFormInstance;
  knownDevices: Device[];
  required: (field: RequirableField) => boolean;
}) {
  const { t } = useTranslation();
  const { categories, nameOf } = useCatalogue();
  const categoryId = Form.useWatch(['device', 'categoryId'], form);
  const brand = Form.useWatch(['device', 'brand'], form);
  const [brands, setBrands] = useState<string[]>([]);
  const [models, setModels] = useState<string[]>([]);
  const rule = (field: RequirableField) => [
    { required: required(field), message: t('fieldErrors.required') },
  ];

  const suggest = async (prefix: string, forBrand?: string) => {
    if (!categoryId) return;
    const result = await call('catalogue.suggest', {
      categoryId,
      prefix,
      ...(forBrand !== undefined ? { brand: forBrand } : {}),
    });
    if (result.ok) (forBrand === undefined ? setBrands : setModels)(result.value);
  };

  const pickKnown = (id: string) => {
    const device = knownDevices.find((candidate) => candidate.id === id);
    if (device) form.setFieldsValue({ device: { ...device, serial: device.serial ?? '' } });
  };

  return (
    <>
      {knownDevices.length > 0 && (
        <Form.Item label={t('intake.knownDevice')}>
          <Select
            allowClear
            placeholder={t('intake.knownDevicePlaceholder')}
            options={knownDevices.map((d) => ({
              value: d.id,
              label: `${d.brand} ${d.model} ${d.serial ?? ''}`,
            }))}
            onChange={(id: string | undefined) =>
              id ? pickKnown(id) : form.setFieldValue(['device', 'id'], undefined)
            }
          />
        </Form.Item>
      )}
      <Form.Item name={['device', 'id']} hidden>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item
            name={['device', 'categoryId']}
            label={t('intake.category')}
            rules={[{ required: true, message: t('fieldErrors.required') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={categories.map((c) => ({ value: c.id, label: nameOf(c) }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['device', 'brand']} label={t('intake.brand')}>
            <AutoComplete
              options={brands.map((value) => ({ value }))}
              onSearch={(prefix) => void suggest(prefix)}
              onFocus={() => void suggest('')}
            >
              <Input maxLength={40} />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['device', 'model']} label={t('intake.model')} rules={rule('model')}>
            <AutoComplete
              options={models.map((value) => ({ value }))}
              onSearch={(prefix) => void suggest(prefix, brand ?? '')}
              onFocus={() => void suggest('', brand ?? '')}
            >
              <Input maxLength={60} />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['device', 'colour']} label={t('intake.colour')} rules={rule('colour')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name={['device', 'serial']} label={t('intake.serial')} rules={rule('serial')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name={['device', 'purchaseDate']}
            label={t('intake.purchaseDate')}
            rules={rule('purchaseDate')}
            {...dateField}
          >
            <DatePicker
              style={{ width: '100%' }}
              format="YYYY-MM-DD"
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['device', 'invoiceNo']} label={t('intake.invoiceNo')} rules={rule('invoiceNo')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['device', 'seller']} label={t('intake.seller')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
