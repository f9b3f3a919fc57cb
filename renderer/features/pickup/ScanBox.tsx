import { ScanOutlined } from '@ant-design/icons';
import { Button, Input, Space, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScanClaim } from '../../app/scanClaims';

/**
 * Where the hand-back starts: scan the customer's claim receipt (a keyboard-wedge scanner types it
 * fast and presses Enter) or type the ticket number. While this screen is open a scan anywhere on it
 * comes here instead of opening the ticket page. `focusMark` changing puts the focus back here, for
 * the next customer.
 */
export function ScanBox({
  onCode,
  busy,
  focusMark,
}: {
  onCode: (code: string) => void;
  busy: boolean;
  focusMark: number;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const input = useRef<InputRef>(null);
  // One claim while the screen is open, handing each scan to the latest `onCode`.
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  });
  useScanClaim(useCallback((code: string) => latest.current(code), []));
  useEffect(() => {
    input.current?.focus();
  }, [focusMark]);

  const submit = () => {
    const code = typed.trim();
    if (!code) return;
    onCode(code);
    setTyped('');
  };

  return (
    <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
      <Input
        ref={input}
        autoFocus
        size="large"
        prefix={<ScanOutlined />}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        onPressEnter={submit}
        placeholder={t('pickup.scan.placeholder')}
        aria-label={t('pickup.scan.label')}
        data-testid="pickup-scan"
      />
      <Button size="large" type="primary" loading={busy} onClick={submit}>
        {t('pickup.scan.find')}
      </Button>
    </Space.Compact>
  );
}
