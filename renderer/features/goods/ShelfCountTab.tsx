import { Alert, App, Button, Descriptions, Input, List, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { call } from '../../api';
import { useScanClaim } from '../../app/scanClaims';
import { useErrorText } from '../../app/useErrorText';
import { useRemote } from '../../app/useRemote';
import { useStoreTime } from '../../app/useStoreTime';
import { useLocationName } from './useLocationName';

type Count = OutputOf<'goods.countStart'>;
type Line = Count['missing'][number];
type Scan = { text: string; tone: 'success' | 'warning' | 'error' };

/**
 * The shelf count: start, scan every repair card found (scans go to the count, not to the ticket),
 * finish; the result lists what is missing and what should not be here, and is kept.
 */
export function ShelfCountTab() {
  const { t } = useTranslation();
  const time = useStoreTime();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const locationName = useLocationName();
  const { data: count, setData: setCount } = useRemote('goods.countLatest', {});
  const [typed, setTyped] = useState('');
  const [scans, setScans] = useState<Scan[]>([]);
  const open = count && count.finishedAt === null ? count : null;

  const scan = useCallback(
    async (code: string) => {
      if (!open) return;
      const result = await call('goods.countScan', { countId: open.id, code });
      const line: Scan = !result.ok
        ? { text: `${code}: ${errorText(result.error)}`, tone: 'error' }
        : result.value.again
          ? { text: t('goods.countAgain', { ticketNo: result.value.ticketNo }), tone: 'warning' }
          : result.value.expected
            ? { text: t('goods.countScanned', { ticketNo: result.value.ticketNo }), tone: 'success' }
            : {
                text: t('goods.countUnexpected', {
                  ticketNo: result.value.ticketNo,
                  place: t(`goods.places.${result.value.place}`),
                }),
                tone: 'warning',
              };
      setScans((previous) => [line, ...previous].slice(0, 50));
      if (result.ok && !result.value.again) setCount({ ...open, scanned: open.scanned + 1 });
    },
    [open, errorText, t, setCount],
  );
  useScanClaim(useMemo(() => (open ? (code: string) => void scan(code) : null), [open, scan]));

  const start = async () => {
    const result = await call('goods.countStart', {});
    if (result.ok) setCount(result.value);
    else message.error(errorText(result.error));
  };
  const finish = async () => {
    if (!open) return;
    const result = await call('goods.countFinish', { countId: open.id });
    if (result.ok) setCount(result.value);
    else message.error(errorText(result.error));
    setScans([]);
  };

  if (open) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title={t('goods.countOpen', {
            started: time(open.startedAt).slice(5),
            by: open.startedBy,
            n: open.scanned,
          })}
        />
        <Input.Search
          autoFocus
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(code) => {
            if (code.trim()) void scan(code.trim());
            setTyped('');
          }}
          placeholder={t('goods.countScan')}
          aria-label={t('goods.countScan')}
          style={{ maxWidth: 480 }}
        />
        <List
          size="small"
          dataSource={scans}
          data-testid="count-scans"
          renderItem={(line) => (
            <List.Item>
              <Typography.Text
                type={line.tone === 'success' ? 'success' : line.tone === 'warning' ? 'warning' : 'danger'}
              >
                {line.text}
              </Typography.Text>
            </List.Item>
          )}
        />
        <Button type="primary" onClick={finish}>
          {t('goods.countFinish')}
        </Button>
      </Space>
    );
  }

  const lines = (title: string, items: Line[], testId: string) => (
    <List
      size="small"
      header={<strong>{title}</strong>}
      bordered
      data-testid={testId}
      locale={{ emptyText: t('goods.none') }}
      dataSource={items}
      renderItem={(line) => (
        <List.Item>
          <a href={`#/tickets/${line.ticketNo}`}>{line.ticketNo}</a> · {line.customerName} · {line.device} ·{' '}
          {t(`goods.places.${line.place}`)} {locationName(line.location)}
        </List.Item>
      )}
    />
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={start}>
        {t('goods.countStart')}
      </Button>
      {count ? (
        <>
          <Descriptions
            size="small"
            column={1}
            title={t('goods.countResult', {
              finished: time(count.finishedAt ?? 0),
              by: count.finishedBy,
            })}
            items={[
              {
                key: 'f',
                label: t('goods.count', { n: count.scanned }),
                children: t('goods.countFigures', count),
              },
            ]}
          />
          {lines(t('goods.missing'), count.missing, 'count-missing')}
          {lines(t('goods.unexpected'), count.unexpected, 'count-unexpected')}
        </>
      ) : (
        <Typography.Text type="secondary">{t('goods.noCount')}</Typography.Text>
      )}
    </Space>
  );
}
