import {
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requirableFields, type Category } from '../../../shared/catalogue';
import { call } from '../../api';
import { useRemote } from '../../app/useRemote';
import { useSaveMessage } from '../settings/useSaveMessage';
import { fromLines, toLines } from './labelled-lines';

type Lists = 'checklist' | 'accessories' | 'faultCodes' | 'warrantyParts';
type Editing = Omit<Category, Lists> & Record<Lists, string>;
const lists: Lists[] = ['checklist', 'accessories', 'faultCodes', 'warrantyParts'];

const toEditing = (c: Category): Editing => ({
  ...c,
  checklist: toLines(c.checklist),
  accessories: toLines(c.accessories),
  faultCodes: toLines(c.faultCodes),
  warrantyParts: toLines(c.warrantyParts),
});

const fromEditing = (e: Editing): Category => ({
  ...e,
  checklist: fromLines(e.checklist),
  accessories: fromLines(e.accessories),
  faultCodes: fromLines(e.faultCodes),
  warrantyParts: fromLines(e.warrantyParts),
});

/** Admins edit the product categories: what each requires at intake and what its checklists hold. */
export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const report = useSaveMessage();
  const { data, reload } = useRemote('catalogue.get', {});
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<Editing>();

  const open = (category: Category | null) => {
    const value = category
      ? toEditing(category)
      : toEditing({
          id: '',
          nameZh: '',
          nameEn: '',
          warrantyPolicyId: 'general',
          requiredFields: [],
          checklist: [],
          accessories: [],
          faultCodes: [],
          warrantyParts: [{ key: 'whole', zh: '整机', en: 'Whole unit' }],
          active: true,
        });
    form.setFieldsValue(value);
    setEditing(value);
  };

  const save = async () => {
    const values = await form.validateFields();
    if (report(await call('catalogue.saveCategory', fromEditing(values)), form)) {
      setEditing(null);
      reload();
    }
  };

  const english = i18n.language === 'en';
  return (
    <Card>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('catalogue.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => open(null)}>
          {t('catalogue.add')}
        </Button>
      </Space>
      <Table<Category>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.categories ?? []}
        columns={[
          { title: t('catalogue.name'), render: (_v, c) => (english ? c.nameEn : c.nameZh) },
          {
            title: t('catalogue.policy'),
            dataIndex: 'warrantyPolicyId',
            render: (id: string) => t(`catalogue.policies.${id}`, { defaultValue: id }),
          },
          {
            title: t('catalogue.required'),
            dataIndex: 'requiredFields',
            render: (fields: string[]) => fields.map((f) => <Tag key={f}>{t(`catalogue.fields.${f}`)}</Tag>),
          },
          {
            title: t('catalogue.active'),
            dataIndex: 'active',
            render: (active: boolean) => (active ? t('common.yes') : t('common.no')),
          },
          {
            title: '',
            render: (_v, c) => (
              <Button size="small" onClick={() => open(c)}>
                {t('staff.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        width={760}
        title={editing?.id || t('catalogue.add')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item
                name="id"
                label={t('catalogue.key')}
                rules={[{ required: true, pattern: /^[a-z0-9_]{1,40}$/, message: t('catalogue.keyHelp') }]}
              >
                <Input disabled={Boolean(data?.categories.some((c) => c.id === editing?.id))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="nameZh"
                label={t('catalogue.nameZh')}
                rules={[{ required: true, message: t('fieldErrors.required') }]}
              >
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="nameEn"
                label={t('catalogue.nameEn')}
                rules={[{ required: true, message: t('fieldErrors.required') }]}
              >
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="warrantyPolicyId" label={t('catalogue.policy')}>
                <Select
                  options={(data?.policies ?? []).map((p) => ({
                    value: p.id,
                    label: t(`catalogue.policies.${p.id}`, { defaultValue: p.id }),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="requiredFields" label={t('catalogue.required')}>
            <Checkbox.Group
              options={requirableFields.map((field) => ({
                value: field,
                label: t(`catalogue.fields.${field}`),
              }))}
            />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('catalogue.linesHelp')}</Typography.Paragraph>
          <Row gutter={12}>
            {lists.map((list) => (
              <Col span={12} key={list}>
                <Form.Item name={list} label={t(`catalogue.lists.${list}`)}>
                  <Input.TextArea rows={5} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Form.Item name="active" label={t('catalogue.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
