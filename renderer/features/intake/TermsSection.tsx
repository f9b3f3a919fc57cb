import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { paymentMethods, priorities, type RequirableField } from '../../../shared/catalogue';
import { YuanInput, yuanRule } from '../../components/YuanInput';
import { dateField } from './DeviceSection';
import type { IntakeFormInstance } from './intake-form';

/** Money (estimate, diagnosis fee, cost limit, deposit) and logistics (promised date, priority, shelf). */
export function TermsSection({
  form,
  required,
}: {
  form: IntakeFormInstance;
  required: (field: RequirableField) => boolean;
}) {
  const { t } = useTranslation();
  const estimate = Form.useWatch('estimateFen', form);
  const deposit = Form.useWatch(['deposit', 'amountFen'], form);
  const amountRule = yuanRule(t('fieldErrors.money_format'));
  const aboveEstimate = typeof deposit === 'number' && deposit > (estimate ?? 0);
  return (
    <>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item
            name="estimateFen"
            label={t('intake.estimate')}
            rules={[{ required: true, message: t('fieldErrors.required') }, amountRule]}
          >
            <YuanInput />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="diagnosisFeeFen"
            label={t('intake.diagnosisFee')}
            rules={[{ required: true, message: t('fieldErrors.required') }, amountRule]}
          >
            <YuanInput />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="costLimitFen"
            label={t('intake.costLimit')}
            extra={t('intake.costLimitHelp')}
            rules={[amountRule]}
          >
            <YuanInput />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name={['deposit', 'amountFen']} label={t('intake.deposit')} rules={[amountRule]}>
            <YuanInput />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name={['deposit', 'method']} label={t('intake.depositMethod')}>
            <Radio.Group
              optionType="button"
              options={paymentMethods.map((method) => ({
                value: method,
                label: t(`paymentMethods.${method}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          {aboveEstimate && (
            <Form.Item
              name="depositAboveEstimateConfirmed"
              valuePropName="checked"
              label={t('intake.depositAboveEstimate')}
              rules={[
                {
                  validator: async (_r, v) => {
                    if (!v) throw new Error(t('fieldErrors.deposit_above_estimate'));
                  },
                },
              ]}
            >
              <Checkbox>{t('intake.depositAboveEstimateBox')}</Checkbox>
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item
            name="promisedDate"
            label={t('intake.promisedDate')}
            rules={[{ required: true, message: t('fieldErrors.required') }]}
            {...dateField}
          >
            <DatePicker
              style={{ width: '100%' }}
              format="YYYY-MM-DD"
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="priority" label={t('intake.priority')}>
            <Select options={priorities.map((p) => ({ value: p, label: t(`priorities.${p}`) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="shelfLocation"
            label={t('intake.shelfLocation')}
            rules={[{ required: required('shelfLocation'), message: t('fieldErrors.required') }]}
          >
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
