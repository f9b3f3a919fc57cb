import { Button, Card, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { useRemote } from '../../app/useRemote';
import { useStoreTime } from '../../app/useStoreTime';
import { useSession } from '../../app/session';
import { usePrintReport } from '../../print/usePrintReport';
import { VendorListReport } from '../../print/VendorListReport';
import { PartsAtVendorTable } from '../parts/AtVendorTab';
import { GoodsTable, type GoodsRow } from './GoodsTable';
import { useGoodsList } from './useGoodsList';

type PartLine = OutputOf<'parts.atVendor'>[number];

/** Devices and parts out at each vendor with their RMA numbers and days out; a printable list per vendor. */
export function AtVendorTab() {
  const { t } = useTranslation();
  const time = useStoreTime();
  const session = useSession();
  const { list, more } = useGoodsList('goods.atVendor', { limit: 500 });
  const rows = list?.rows;
  const parts = useRemote('parts.atVendor', {}).data;
  const report = usePrintReport(t('goods.vendorListTitle'));
  const byVendor = new Map<string, { devices: GoodsRow[]; parts: PartLine[] }>();
  const vendor = (name: string) =>
    byVendor.get(name) ?? byVendor.set(name, { devices: [], parts: [] }).get(name);
  for (const row of rows ?? []) vendor(row.location)?.devices.push(row);
  for (const line of parts ?? []) vendor(line.vendor)?.parts.push(line);

  if (rows?.length === 0 && parts?.length === 0) return <Empty description={t('goods.empty')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {[...byVendor].map(([name, out]) => (
        <Card
          key={name}
          size="small"
          title={`${name} · ${t('goods.vendorCounts', { devices: out.devices.length, parts: out.parts.length })}`}
          extra={
            <Button
              size="small"
              onClick={() =>
                report.print(
                  <VendorListReport
                    vendor={name}
                    rows={out.devices}
                    parts={out.parts}
                    storeName={session.storeName ?? ''}
                    t={t}
                    time={time}
                    printedAt={Date.now()}
                  />,
                )
              }
            >
              {t('goods.printVendor')}
            </Button>
          }
        >
          {out.devices.length > 0 && <GoodsTable rows={out.devices} vendor />}
          {out.parts.length > 0 && <PartsAtVendorTable lines={out.parts} />}
        </Card>
      ))}
      {list?.next && <Button onClick={() => void more()}>{t('goods.more')}</Button>}
      {report.element}
    </Space>
  );
}
