import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { signedYuan } from '../../app/money';

/**
 * Counted minus expected, in colour when it is not zero: red when the drawer is short, orange when
 * it holds more than it should (both need a note at close), green when it balances.
 */
export function Variance({ fen, testId, large }: { fen: number | null; testId?: string; large?: boolean }) {
  const { t } = useTranslation();
  if (fen === null) return <span data-testid={testId}>—</span>;
  const kind = fen < 0 ? 'short' : fen > 0 ? 'over' : 'balanced';
  const colour = { short: '#cf1322', over: '#d46b08', balanced: '#389e0d' }[kind];
  return (
    <Typography.Text
      strong
      style={{ color: colour, whiteSpace: 'nowrap' }}
      data-testid={testId}
      data-variance={fen}
    >
      <span style={large ? { fontSize: 24 } : undefined}>{signedYuan(fen)}</span> ·{' '}
      {t(`dayclose.variance.${kind}`)}
    </Typography.Text>
  );
}
