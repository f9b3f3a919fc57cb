import { Button, Form, Input, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { call } from '../../api';
import { useRemote } from '../../app/useRemote';
import { useSession } from '../../app/session';
import { useSaveMessage } from './useSaveMessage';

type Store = OutputOf<'store.get'>;

/** The store's own details, printed on every receipt. The code is fixed: ticket numbers carry it. */
export function StoreProfileForm({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Store>();
  const { data: store, setData: setStore } = useRemote('store.get', {});
  const report = useSaveMessage();
  const session = useSession();

  if (!store) return <Spin />;
  const save = async ({ name, address, phone, timeZone, currency }: Store) => {
    const result = await call('store.update', { name, address, phone, timeZone, currency });
    if (!report(result, form)) return;
    setStore(result.value);
    session.storeChanged(); // the shell's name and every screen's clock follow the profile
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={store}
      onFinish={save}
      disabled={disabled}
      style={{ maxWidth: 560 }}
    >
      <Form.Item name="code" label={t('settings.code')}>
        <Input disabled />
      </Form.Item>
      <Form.Item name="name" label={t('setup.name')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label={t('setup.address')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="phone" label={t('setup.phone')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="timeZone" label={t('setup.timeZone')} rules={required}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="currency" label={t('setup.currency')} rules={required}>
        <Input maxLength={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('settings.save')}
      </Button>
    </Form>
  );
}
