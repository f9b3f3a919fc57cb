import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pinSchema, type InputOf, type OutputOf } from '../../../shared/contract';
import { roles } from '../../../shared/roles';
import { call } from '../../api';
import { zodRule } from '../../components/zodRule';
import { useRemote } from '../../app/useRemote';
import { PinInput } from '../signin/PinInput';
import { useSaveMessage } from '../settings/useSaveMessage';

type Staff = OutputOf<'staff.list'>[number];
type Dialog = { kind: 'create' } | { kind: 'edit'; staff: Staff } | { kind: 'pin'; staff: Staff } | null;

/** Admins add staff, change roles, reset PINs, lift lock-outs and deactivate leavers. */
export function StaffPage() {
  const { t } = useTranslation();
  const report = useSaveMessage();
  const { data: staff, reload } = useRemote('staff.list', {});
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();

  const afterSave = async (ok: boolean) => {
    if (!ok) return;
    setDialog(null);
    reload();
  };

  const submit = async (values: Record<string, string>) => {
    if (dialog?.kind === 'create') {
      await afterSave(report(await call('staff.create', values as InputOf<'staff.create'>), form));
    } else if (dialog?.kind === 'edit') {
      await afterSave(
        report(
          await call('staff.update', {
            id: dialog.staff.id,
            name: values.name,
            role: values.role as Staff['role'],
          }),
          form,
        ),
      );
    } else if (dialog?.kind === 'pin') {
      await afterSave(
        report(await call('staff.resetPin', { id: dialog.staff.id, pin: values.pin ?? '' }), form),
      );
    }
  };

  const open = (next: Dialog) => {
    form.resetFields();
    if (next?.kind === 'edit') form.setFieldsValue({ name: next.staff.name, role: next.staff.role });
    setDialog(next);
  };

  const pinRule = zodRule(pinSchema, t);
  const required = { required: true, message: t('common.required') };
  return (
    <Card>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('staff.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => open({ kind: 'create' })}>
          {t('staff.add')}
        </Button>
      </Space>
      <Table<Staff>
        rowKey="id"
        dataSource={staff ?? []}
        pagination={false}
        columns={[
          { title: t('staff.name'), dataIndex: 'name' },
          { title: t('staff.role'), dataIndex: 'role', render: (role: Staff['role']) => t(`roles.${role}`) },
          {
            title: t('staff.status'),
            render: (_value, row) => (
              <Space>
                <Tag color={row.active ? 'green' : 'default'}>
                  {row.active ? t('staff.active') : t('staff.inactive')}
                </Tag>
                {row.lockedUntil && (
                  <Tag color="red">
                    {t('staff.lockedUntil', { time: dayjs(row.lockedUntil).format('HH:mm') })}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('staff.actions'),
            render: (_value, row) => (
              <Space>
                <Button size="small" onClick={() => open({ kind: 'edit', staff: row })}>
                  {t('staff.edit')}
                </Button>
                <Button size="small" onClick={() => open({ kind: 'pin', staff: row })}>
                  {t('staff.resetPin')}
                </Button>
                {row.lockedUntil && (
                  <Button
                    size="small"
                    onClick={async () => afterSave(report(await call('staff.unlock', { id: row.id })))}
                  >
                    {t('staff.unlock')}
                  </Button>
                )}
                <Button
                  size="small"
                  danger={row.active}
                  onClick={async () =>
                    afterSave(report(await call('staff.update', { id: row.id, active: !row.active })))
                  }
                >
                  {row.active ? t('staff.deactivate') : t('staff.activate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={dialog !== null}
        title={
          dialog?.kind === 'create'
            ? t('staff.add')
            : dialog?.kind === 'pin'
              ? t('staff.resetPin')
              : t('staff.edit')
        }
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog?.kind !== 'pin' && (
            <>
              <Form.Item name="name" label={t('staff.name')} rules={[required]}>
                <Input maxLength={60} autoFocus />
              </Form.Item>
              <Form.Item name="role" label={t('staff.role')} rules={[required]}>
                <Select options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
              </Form.Item>
            </>
          )}
          {dialog?.kind !== 'edit' && (
            <Form.Item
              name="pin"
              label={dialog?.kind === 'pin' ? t('staff.newPin') : t('staff.pin')}
              rules={[required, pinRule]}
            >
              <PinInput />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
