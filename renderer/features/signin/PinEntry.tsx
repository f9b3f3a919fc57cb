import { Alert, Button, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PinInput } from './PinInput';

type Props = {
  submitLabel: string;
  /** Resolves to an error message, or null when the PIN was accepted. */
  onSubmit: (pin: string) => Promise<string | null>;
  secondary: { label: string; onClick: () => void };
};

/** Type a PIN, press Enter: the sign-in and lock screens share this keyboard-first form. */
export function PinEntry({ submitLabel, onSubmit, secondary }: Props) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!pin || busy) return;
    setBusy(true);
    const failure = await onSubmit(pin);
    setBusy(false);
    setPin('');
    setError(failure);
  };

  return (
    <Form layout="vertical" onFinish={submit}>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <Form.Item label={t('signIn.enterPin')}>
        <PinInput
          autoFocus
          size="large"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          aria-label={t('signIn.enterPin')}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={!pin}>
          {submitLabel}
        </Button>
        <Button size="large" onClick={secondary.onClick}>
          {secondary.label}
        </Button>
      </Space>
    </Form>
  );
}
