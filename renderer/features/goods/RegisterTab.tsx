import { Alert, Button, DatePicker, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { calendarDateIn } from '../../../shared/dates';
import { useRemote } from '../../app/useRemote';
import { useStoreTime } from '../../app/useStoreTime';
import { useSession } from '../../app/session';
import { GoodsRegisterReport } from '../../print/GoodsRegisterReport';
import { usePrintReport } from '../../print/usePrintReport';
import { download } from '../../app/csv';
import { registerCsv } from './registerCsv';
import { useLocationName } from './useLocationName';

type LedgerRow = OutputOf<'goods.register'>['rows'][number];

/** 客户商品进出登记簿 for a period: on screen, printed on A4, exported as CSV. */
export function RegisterTab() {
  const { t } = useTranslation();
  const time = useStoreTime();
  const session = useSession();
  const locationName = useLocationName();
  // The store's today, not this PC's: business days are the store's (Shanghai's evening is UTC's day).
  const [openedAt] = useState(() => Date.now());
  const today = dayjs(calendarDateIn(openedAt, session.timeZone));
  const [chosen, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const range = chosen ?? [today, today];
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const register = useRemote('goods.register', { from, to }).data;
  const rows = register?.rows ?? null;
  const report = usePrintReport(`${t('goods.registerTitle')} ${from}_${to}`);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          aria-label={t('goods.period')}
        />
        <Button
          disabled={!rows?.length}
          onClick={() =>
            rows &&
            report.print(
              <GoodsRegisterReport
                rows={rows}
                storeName={session.storeName ?? ''}
                from={from}
                to={to}
                t={t}
                time={time}
                printedAt={Date.now()}
                locationName={locationName}
              />,
            )
          }
        >
          {t('goods.print')}
        </Button>
        <Button
          disabled={!rows?.length}
          onClick={() =>
            rows && download(`goods-register-${from}_${to}.csv`, registerCsv(rows, t, locationName))
          }
        >
          {t('goods.exportCsv')}
        </Button>
      </Space>
      {register?.truncated && (
        <Alert type="warning" showIcon title={t('goods.truncated')} style={{ marginBottom: 12 }} />
      )}
      <Table<LedgerRow>
        size="small"
        rowKey="entryId"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('goods.empty') }}
        columns={[
          { title: t('goods.at'), dataIndex: 'at', render: (at: number) => time(at).slice(5) },
          {
            title: t('goods.ticketNo'),
            dataIndex: 'ticketNo',
            render: (ticketNo: string) => <a href={`#/tickets/${ticketNo}`}>{ticketNo}</a>,
          },
          { title: t('goods.customer'), dataIndex: 'customerName' },
          { title: t('goods.device'), dataIndex: 'device' },
          { title: t('goods.kind'), dataIndex: 'kind', render: (kind: string) => t(`goods.kinds.${kind}`) },
          {
            title: t('goods.location'),
            key: 'location',
            render: (_, row) => [locationName(row.location), row.details.rmaNo].filter(Boolean).join(' · '),
          },
          { title: t('goods.staff'), dataIndex: 'staffName' },
          { title: t('goods.note'), dataIndex: 'note' },
        ]}
      />
      {report.element}
    </>
  );
}
