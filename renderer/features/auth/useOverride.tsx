import { Alert, Form, Input, Modal, Select } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { call } from '../../api';
import { usePinFailure } from '../signin/usePinFailure';

type Roster = OutputOf<'auth.roster'>;
type Pending = {
  method: MethodName;
  /** The call's own input: the supervisor allows this request, not the method at large. */
  request: Record<string, unknown>;
  resolve: (token: string | null) => void;
};

/**
 * The generic supervisor-override step: `callWithOverride` makes the call, and if the core answers
 * `override_required`, asks a supervisor for their PIN and retries once with the granted token.
 */
export function useOverride() {
  const { t } = useTranslation();
  const pinFailure = usePinFailure();
  const [pending, setPending] = useState<Pending | null>(null);
  const [roster, setRoster] = useState<Roster>([]);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ supervisorId: string; pin: string }>();
  const busy = useRef(false);

  const askSupervisor = async (method: MethodName, request: Record<string, unknown>) => {
    const staff = await call('auth.roster', {});
    setRoster(staff.ok ? staff.value.filter((s) => s.role === 'supervisor' || s.role === 'admin') : []);
    setError(null);
    form.resetFields();
    return new Promise<string | null>((resolve) => setPending({ method, request, resolve }));
  };

  async function callWithOverride<M extends MethodName>(
    method: M,
    input: InputOf<M>,
  ): Promise<Result<OutputOf<M>>> {
    const first = await call(method, input);
    if (first.ok || first.error.code !== 'override_required') return first;
    const overrideToken = await askSupervisor(method, input as Record<string, unknown>);
    if (!overrideToken) return first;
    return call(method, input, { overrideToken });
  }

  const allow = async () => {
    if (!pending || busy.current) return;
    const values = await form.validateFields();
    busy.current = true;
    const granted = await call('auth.override', {
      ...values,
      method: pending.method,
      request: pending.request,
    });
    busy.current = false;
    if (!granted.ok) return setError(pinFailure(granted.error));
    pending.resolve(granted.value.overrideToken);
    setPending(null);
  };

  const cancel = () => {
    pending?.resolve(null);
    setPending(null);
  };

  const dialog = (
    <Modal
      open={pending !== null}
      title={t('override.title')}
      okText={t('override.allow')}
      onOk={allow}
      onCancel={cancel}
      destroyOnHidden
    >
      <p>{t('override.intro')}</p>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={allow}>
        <Form.Item
          name="supervisorId"
          label={t('override.supervisor')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            options={roster.map((s) => ({ value: s.id, label: `${s.name} (${t(`roles.${s.role}`)})` }))}
          />
        </Form.Item>
        <Form.Item
          name="pin"
          label={t('override.pin')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password inputMode="numeric" autoComplete="off" maxLength={8} onPressEnter={allow} />
        </Form.Item>
      </Form>
    </Modal>
  );

  return { callWithOverride, dialog };
}
