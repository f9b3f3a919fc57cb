import { Card, Checkbox, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { priorities } from '../../../shared/catalogue';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { useCatalogue } from '../../app/useCatalogue';
import { useDebounced } from '../../app/useDebounced';
import { useRemote } from '../../app/useRemote';
import { ticketStatuses, type TicketStatus } from '../../../shared/ticket-status';

type Row = OutputOf<'tickets.list'>[number];
type Filters = InputOf<'tickets.list'>;

/** The ticket list with filters; the search box finds by number, phone, name, serial or model. */
export function TicketsPage() {
  const { t } = useTranslation();
  const { category, nameOf } = useCatalogue();
  const [typed, setTyped] = useState('');
  const query = useDebounced(typed, 250);
  const [filters, setFilters] = useState<Filters>({ limit: 50 });
  const searching = query.trim().length >= 2;
  const list = useRemote('tickets.list', filters).data;
  const found = useRemote('tickets.search', searching ? { query: query.trim() } : null).data;
  const rows = searching ? found : list;

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('tickets.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('tickets.searchPlaceholder')}
          style={{ width: 360 }}
          onSearch={setTyped}
          onChange={(e) => setTyped(e.target.value)}
          aria-label={t('tickets.search')}
        />
        <Select
          allowClear
          placeholder={t('tickets.status')}
          style={{ width: 160 }}
          options={ticketStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          onChange={(status?: TicketStatus) => setFilters({ ...filters, status })}
        />
        <Select
          allowClear
          placeholder={t('intake.priority')}
          style={{ width: 120 }}
          options={priorities.map((p) => ({ value: p, label: t(`priorities.${p}`) }))}
          onChange={(priority?: Row['priority']) => setFilters({ ...filters, priority })}
        />
        <DatePicker.RangePicker
          onChange={(range) =>
            setFilters({
              ...filters,
              from: range?.[0]?.format('YYYY-MM-DD'),
              to: range?.[1]?.format('YYYY-MM-DD'),
            })
          }
        />
        <Checkbox onChange={(e) => setFilters({ ...filters, overdue: e.target.checked || undefined })}>
          {t('tickets.overdueOnly')}
        </Checkbox>
      </Space>
      <Table<Row>
        rowKey="id"
        size="small"
        dataSource={rows ?? []}
        pagination={false}
        onRow={(row) => ({
          onClick: () => (window.location.hash = `#/tickets/${row.ticketNo}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            title: t('tickets.ticketNo'),
            dataIndex: 'ticketNo',
            render: (no: string, row) => (
              <span>
                {no} {row.overdue && <Tag color="red">{t('tickets.overdue')}</Tag>}
              </span>
            ),
          },
          { title: t('intake.customerName'), dataIndex: 'customerName' },
          { title: t('intake.phone'), dataIndex: 'phone' },
          {
            title: t('intake.device'),
            render: (_v, row) => `${nameOf(category(row.categoryId))} ${row.brand} ${row.model}`,
          },
          { title: t('intake.serial'), dataIndex: 'serial' },
          {
            title: t('tickets.status'),
            dataIndex: 'status',
            render: (s: string) => t(`statuses.${s}`, { defaultValue: s }),
          },
          { title: t('intake.promisedDate'), dataIndex: 'promisedDate' },
        ]}
      />
    </Card>
  );
}
