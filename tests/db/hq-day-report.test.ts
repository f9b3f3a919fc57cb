import { afterEach, describe, expect, it } from 'vitest';
import { dayReport } from '../../server/reports/day-report';
import { dayReportHtml, dayReportText } from '../../server/reports/day-report-format';
import { addStore } from '../../server/stores';
import { paymentMethods } from '../../shared/catalogue';
import { finalStatuses } from '../../shared/ticket-status';
import { value } from '../helpers/core';
import { enrolCounter, listeningHeadquarters } from '../helpers/hq';
import { repairStore } from '../helpers/repair';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});

type Store = Awaited<ReturnType<typeof repairStore>>;
const day = 86_400_000;
const key = () => crypto.randomUUID();

/** The figures of one store's day, straight from its own SQLite rows (not through headquarters). */
function expectedFromCounter(store: Store, date: string) {
  const one = <T>(query: string, ...params: unknown[]) =>
    store.core.sqlite.prepare(query).get(...params) as T;
  const final = finalStatuses.map((s) => `'${s}'`).join(',');
  const takings = Object.fromEntries(
    paymentMethods.map((method) => [
      method,
      one<{ net: number | null }>(
        `SELECT sum(CASE kind WHEN 'refund' THEN -amount_fen ELSE amount_fen END) AS net
         FROM payments WHERE business_date = ? AND method = ?`,
        date,
        method,
      ).net ?? 0,
    ]),
  );
  const close = one<{ z_no: number; variance_fen: number } | undefined>(
    `SELECT z_no, variance_fen FROM day_closes WHERE business_date = ?
     AND id NOT IN (SELECT close_id FROM day_reopens) ORDER BY at DESC LIMIT 1`,
    date,
  );
  const open = one<{ open: number; overdue: number }>(
    `SELECT count(*) AS open, coalesce(sum(promised_date < ?), 0) AS overdue FROM tickets
     WHERE business_date <= ? AND status NOT IN (${final})`,
    date,
    date,
  );
  return {
    ticketsIn: one<{ n: number }>('SELECT count(*) AS n FROM tickets WHERE business_date = ?', date).n,
    collected: one<{ n: number }>('SELECT count(*) AS n FROM pickups WHERE business_date = ?', date).n,
    takings,
    takingsTotal: Object.values(takings).reduce((a, b) => a + b, 0),
    close: close ? { zNo: close.z_no, varianceFen: close.variance_fen } : null,
    open: open.open,
    overdue: open.overdue,
  };
}

describe('headquarters’ day report', () => {
  it('shows every store’s day as its counter recorded it: in, out, takings per method, the close and its variance, open and overdue', async () => {
    const { hq, url } = await listeningHeadquarters();
    open.push(hq);
    await addStore(hq.db, { code: 'BJ01', name: '北京西单店' }, hq.now());
    await addStore(hq.db, { code: 'GZ01', name: '广州天河店' }, hq.now()); // enrolled later: an empty line
    const shanghai = await repairStore('SH01');
    const beijing = await repairStore('BJ01');
    await enrolCounter(hq, url, shanghai, 'SH01');
    await enrolCounter(hq, url, beijing, 'BJ01');
    // Beijing: a phone taken in four days ago, promised for three days later: overdue today.
    await beijing.take({ deposit: { method: 'alipay', amountFen: 5000 } });
    await beijing.passTime(4 * day);
    await shanghai.passTime(4 * day);
    const date = shanghai.today();
    await beijing.take({ deposit: { method: 'wechat', amountFen: 3000 } });

    // Shanghai: a float, three intakes with deposits, one hand-back in cash, a refund, a close ¥5 short.
    const clerk = shanghai.as('clerk');
    value(await clerk('drawer.float', { counts: { '10000': 2 }, idempotencyKey: key() }));
    const first = await shanghai.take({ deposit: { method: 'cash', amountFen: 2000 } });
    const second = await shanghai.take({ deposit: { method: 'wechat', amountFen: 1000 } });
    await shanghai.take();
    shanghai.forceStatus(first.id, 'ready');
    await shanghai.collect(first.id);
    const refund = {
      ticket: second.id,
      method: 'wechat' as const,
      amountFen: 500,
      reason: '部分退款',
      idempotencyKey: key(),
    };
    value(await shanghai.withOverride('clerk')('payments.refund', refund));
    const drawer = value(await clerk('drawer.state', {}));
    const expectedCash = drawer.expectedCashFen ?? 0;
    value(
      await clerk('dayclose.count', {
        businessDate: date,
        counts: { '100': (expectedCash - 500) / 100 },
        idempotencyKey: key(),
      }),
    );
    value(await clerk('dayclose.close', { businessDate: date, note: '少了五元', idempotencyKey: key() }));

    value(await shanghai.as('clerk')('sync.now', {}));
    value(await beijing.as('clerk')('sync.now', {}));
    const report = await dayReport(hq.db, date);

    expect(report.stores.map((line) => line.code)).toEqual(['BJ01', 'GZ01', 'SH01']);
    const [bj, gz, sh] = report.stores;
    expect(sh).toMatchObject(expectedFromCounter(shanghai, date));
    expect(bj).toMatchObject(expectedFromCounter(beijing, date));
    // The scenario is what the figures say it is, so the comparison above compared something.
    expect(sh).toMatchObject({ ticketsIn: 3, collected: 1, close: { varianceFen: -500 } });
    expect(bj).toMatchObject({ ticketsIn: 1, open: 2, overdue: 1, close: null });
    expect(gz).toMatchObject({ ticketsIn: 0, takingsTotal: 0, close: null, lastSyncAt: null });
    expect(report.totals.takingsTotal).toBe((bj?.takingsTotal ?? 0) + (sh?.takingsTotal ?? 0));
    expect(report.totals).toMatchObject({ closed: 1, varianceFen: -500, ticketsIn: 4 });

    const text = dayReportText(report);
    expect(text).toContain(`全部门店日报 ${date}`);
    expect(text).toMatch(/SH01 上海南京路店 .* Z000001 +-5\.00/);
    expect(dayReportHtml(report, 'en')).toContain('<td>GZ01 广州天河店</td>');
  });
});
