import { Alert, App, Button, Input, InputNumber, Result, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxQuantity } from '../../../shared/parts';
import { useScanner } from '../../app/useScanner';
import { partCodePattern } from './part-code';
import { usePartsErrors } from './usePartsErrors';
import { useStockCount, type CountLine } from './useStockCount';

/**
 * Stock count by scanning: each scan of a part's barcode (from anywhere on the screen) adds 1 to its
 * count; a code typed into the field and Enter does the same. Finishing books the count and shows
 * the differences from the books.
 */
export function CountTab() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { explain } = usePartsErrors();
  const count = useStockCount();
  const [code, setCode] = useState('');
  const [last, setLast] = useState<{ name: string; counted: number } | null>(null);

  const add = async (typed: string) => {
    const result = await count.scan(typed.trim().toUpperCase());
    if (!result.ok) return void message.error(explain(result.error));
    setLast({ name: result.value.part.name, counted: result.value.counted });
  };
  // The scanner's handler stays the same function across renders, or every keystroke of the burst
  // (each re-renders the field) would restart the scanner and lose the scan.
  const latest = useRef(add);
  useEffect(() => {
    latest.current = add;
  });
  const onScan = useCallback((scanned: string) => void latest.current(scanned), []);
  useScanner(partCodePattern, onScan);

  const finish = () =>
    modal.confirm({
      title: t('parts.count.finish'),
      content: t('parts.count.confirmFinish', { count: count.lines.length }),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await count.finish();
        if (!result.ok) void message.error(explain(result.error));
      },
    });

  if (count.booked) {
    const differ = count.booked.lines.filter((line) => line.difference !== 0).length;
    return (
      <>
        <Result
          status={differ ? 'warning' : 'success'}
          title={t('parts.count.result')}
          subTitle={
            differ
              ? t('parts.count.differences', { count: differ })
              : t('parts.count.noDifferences', { count: count.booked.lines.length })
          }
          extra={<Button onClick={count.discard}>{t('parts.count.again')}</Button>}
        />
        <Table
          rowKey="partId"
          size="small"
          pagination={false}
          dataSource={count.booked.lines}
          columns={[
            { title: t('parts.columns.sku'), dataIndex: 'sku' },
            { title: t('parts.columns.name'), dataIndex: 'name' },
            { title: t('parts.count.expected'), dataIndex: 'expected', align: 'right' },
            { title: t('parts.count.counted'), dataIndex: 'counted', align: 'right' },
            {
              title: t('parts.count.difference'),
              dataIndex: 'difference',
              align: 'right',
              render: (n: number) => (
                <Typography.Text strong type={n < 0 ? 'danger' : n > 0 ? 'warning' : 'success'}>
                  {n > 0 ? `+${n}` : n}
                </Typography.Text>
              ),
            },
          ]}
        />
      </>
    );
  }

  return (
    <>
      <Alert type="info" showIcon title={t('parts.count.intro')} style={{ marginBottom: 12 }} />
      <Space style={{ marginBottom: 12 }} wrap>
        <Input
          autoFocus
          aria-label={t('parts.count.code')}
          placeholder={t('parts.count.code')}
          style={{ width: 280 }}
          value={code}
          maxLength={40}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => {
            if (code.trim()) void add(code);
            setCode('');
          }}
        />
        <Button
          onClick={() => {
            if (code.trim()) void add(code);
            setCode('');
          }}
        >
          {t('parts.count.add')}
        </Button>
        {last && (
          <Typography.Text type="success" data-testid="last-scan">
            {t('parts.count.scanned', { name: last.name, count: last.counted })}
          </Typography.Text>
        )}
      </Space>
      <Table<CountLine>
        rowKey="partId"
        size="small"
        pagination={false}
        locale={{ emptyText: t('parts.count.empty') }}
        dataSource={count.lines}
        columns={[
          { title: t('parts.columns.sku'), dataIndex: 'sku' },
          { title: t('parts.columns.name'), dataIndex: 'name' },
          {
            title: t('parts.count.counted'),
            dataIndex: 'counted',
            align: 'right',
            render: (n: number, line) => (
              <InputNumber
                aria-label={`${t('parts.count.counted')} ${line.sku}`}
                size="small"
                min={0}
                max={maxQuantity}
                precision={0}
                value={n}
                onChange={(value) => count.setCounted(line.partId, value ?? 0)}
              />
            ),
          },
          {
            title: '',
            render: (_v, line) => (
              <Button size="small" type="link" onClick={() => count.remove(line.partId)}>
                {t('parts.count.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" disabled={count.lines.length === 0} onClick={finish}>
          {t('parts.count.finish')}
        </Button>
        <Button disabled={count.lines.length === 0} onClick={count.discard}>
          {t('parts.count.discard')}
        </Button>
      </Space>
    </>
  );
}
