import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { OutputOf } from '../../../shared/contract';
import { csvText } from '../../app/csv';

type LedgerRow = OutputOf<'goods.register'>['rows'][number];

/**
 * The register as CSV for a spreadsheet: a byte-order mark so Excel reads the Chinese as UTF-8, one
 * line per movement, the ledger's own sequence number kept for audits.
 */
export function registerCsv(
  rows: LedgerRow[],
  t: TFunction,
  locationName: (location: string) => string,
): string {
  const table = rows.map((row) => ({
    seq: row.seq,
    [t('goods.at')]: dayjs(row.at).format('YYYY-MM-DD HH:mm:ss'),
    [t('goods.ticketNo')]: row.ticketNo,
    [t('goods.customer')]: row.customerName,
    [t('goods.device')]: row.device,
    [t('goods.kind')]: t(`goods.kinds.${row.kind}`),
    [t('goods.location')]: locationName(row.location),
    [t('goods.rmaNo')]: row.details.rmaNo ?? '',
    [t('goods.staff')]: row.staffName,
    [t('goods.note')]: row.note,
  }));
  return csvText(table);
}
