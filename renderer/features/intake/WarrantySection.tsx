import { Alert, Checkbox, Col, Form, Input, Radio, Row, Select, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceTypes, type Category } from '../../../shared/catalogue';
import type { OutputOf } from '../../../shared/contract';
import { call } from '../../api';
import { useCatalogue } from '../../app/useCatalogue';
import type { IntakeFormInstance } from './intake-form';

type Assessment = OutputOf<'tickets.assessWarranty'>;

/**
 * The 三包 assessment, refreshed as the category, purchase date, part or damage change. It suggests
 * the service type; choosing across free/paid against it asks for a reason (the core audits it).
 */
export function WarrantySection({
  form,
  category,
}: {
  form: IntakeFormInstance;
  category: Category | undefined;
}) {
  const { t } = useTranslation();
  const { label } = useCatalogue();
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const touched = useRef(false);
  const purchaseDate = Form.useWatch(['device', 'purchaseDate'], form);
  const serial = Form.useWatch(['device', 'serial'], form);
  const deviceId = Form.useWatch(['device', 'id'], form);
  const part = Form.useWatch('warrantyPart', form);
  const userDamage = Form.useWatch('userDamage', form);
  const serviceType = Form.useWatch('serviceType', form);

  useEffect(() => {
    if (!category) return;
    let live = true;
    const timer = window.setTimeout(() => {
      void call('tickets.assessWarranty', {
        categoryId: category.id,
        purchaseDate: purchaseDate ?? null,
        part: part ?? '',
        userDamage: userDamage ?? false,
        ...(deviceId ? { deviceId } : serial ? { serial } : {}),
      }).then((result) => {
        if (!live || !result.ok) return;
        setAssessment(result.value);
        if (!touched.current) form.setFieldValue('serviceType', result.value.suggestedServiceType);
      });
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [category, purchaseDate, part, userDamage, serial, deviceId, form]);

  const partLabel = (key: unknown) => {
    const item = category?.warrantyParts.find((p) => p.key === key);
    return item ? label(item) : String(key ?? '');
  };
  const overriding =
    assessment !== null &&
    serviceType !== undefined &&
    (assessment.suggestedServiceType === 'C') !== (serviceType === 'C');
  return (
    <>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="warrantyPart" label={t('intake.warrantyPart')}>
            <Select
              allowClear
              options={(category?.warrantyParts ?? []).map((item) => ({
                value: item.key,
                label: label(item),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="userDamage" valuePropName="checked" label={t('intake.userDamage')}>
            <Checkbox>{t('intake.userDamageBox')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      {assessment && (
        <Alert
          data-testid="warranty"
          type={assessment.suggestedServiceType === 'C' ? 'success' : 'info'}
          style={{ marginBottom: 16 }}
          title={
            <span>
              {t('warranty.entitled')}{' '}
              {assessment.outcomes.map((outcome) => (
                <Tag key={outcome} color={outcome === 'paid_repair' ? 'default' : 'green'}>
                  {t(`warranty.outcomes.${outcome}`)}
                </Tag>
              ))}
              {assessment.reRepairOf && (
                <Tag color="orange">{t('warranty.reRepairOf', { ticketNo: assessment.reRepairOf })}</Tag>
              )}
            </span>
          }
          description={assessment.reasons
            .map((reason) =>
              t(`warranty.reasons.${reason.code}`, { ...reason, part: partLabel(reason.part) }),
            )
            .join(' ')}
        />
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="serviceType"
            label={t('intake.serviceType')}
            rules={[{ required: true, message: t('fieldErrors.required') }]}
          >
            <Radio.Group
              optionType="button"
              onChange={() => (touched.current = true)}
              options={serviceTypes.map((type) => ({
                value: type,
                label: `${type} ${t(`serviceTypes.${type}`)}`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          {overriding && (
            <Form.Item
              name="serviceTypeReason"
              label={t('intake.serviceTypeReason')}
              rules={[{ required: true, message: t('fieldErrors.reason_required') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          )}
        </Col>
      </Row>
    </>
  );
}
