import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/** One colour per stage, so a glance down a list of tickets reads the floor. */
const colours: Record<string, string> = {
  received: 'default',
  diagnosing: 'geekblue',
  awaiting_approval: 'gold',
  awaiting_parts: 'orange',
  in_repair: 'blue',
  awaiting_check: 'purple',
  on_hold: 'default',
  at_vendor: 'cyan',
  ready: 'green',
  returned_unrepaired: 'magenta',
  replaced: 'green',
};

/** A ticket's status, translated, in its stage's colour (final statuses stay grey). */
export function StatusTag({
  status,
  style,
  testId,
}: {
  status: string;
  style?: CSSProperties;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Tag color={colours[status] ?? 'default'} style={style} data-testid={testId}>
      {t(`statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}
