import { Checkbox, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category, RequirableField } from '../../../shared/catalogue';
import { useCatalogue } from '../../app/useCatalogue';
import { PhotoPicker } from './PhotoPicker';

/** Fault, condition checklist, accessories received, passcode and photos. */
export function ConditionSection({
  category,
  required,
}: {
  category: Category | undefined;
  required: (field: RequirableField) => boolean;
}) {
  const { t } = useTranslation();
  const { label } = useCatalogue();
  const options = (items: Category['checklist'] | undefined) =>
    (items ?? []).map((item) => ({ value: item.key, label: label(item) }));
  const requiredRule = { required: true, message: t('fieldErrors.required') };
  return (
    <>
      <Form.Item name="reportedFault" label={t('intake.reportedFault')} rules={[requiredRule]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="faultCodes" label={t('intake.faultCodes')}>
        <Checkbox.Group options={options(category?.faultCodes)} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="damaged" label={t('intake.damaged')} extra={t('intake.damagedHelp')}>
            <Checkbox.Group options={options(category?.checklist)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="conditionChecked"
            required={required('condition')}
            valuePropName="checked"
            label={t('intake.conditionChecked')}
            rules={
              required('condition')
                ? [
                    {
                      validator: async (_r, v) => {
                        if (!v) throw new Error(t('fieldErrors.required'));
                      },
                    },
                  ]
                : []
            }
          >
            <Checkbox>{t('intake.conditionCheckedBox')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="conditionNote" label={t('intake.conditionNote')}>
        <Input maxLength={500} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="accessories" label={t('intake.accessories')} required={required('accessories')}>
            <Checkbox.Group options={options(category?.accessories)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="accessoriesNote"
            label={t('intake.accessoriesNote')}
            extra={required('accessories') ? t('intake.accessoriesNoteHelp') : undefined}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="passcode"
            label={t('intake.passcode')}
            extra={t('intake.passcodeHelp')}
            rules={required('passcode') ? [requiredRule] : []}
          >
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="photos"
            label={t('intake.photos')}
            rules={
              required('photos')
                ? [
                    {
                      validator: async (_r, v: unknown[] | undefined) => {
                        if (!v?.length) throw new Error(t('fieldErrors.required'));
                      },
                    },
                  ]
                : []
            }
          >
            <PhotoPicker />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
