import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { storeReport } from '../../server/reports/store-report';
import { addStore } from '../../server/stores';
import { reportCsv, reportTable, reportText } from '../../server/reports/store-report-format';
import { reportKinds } from '../../shared/contract-reports';
import { value } from '../helpers/core';
import { enrolCounter, listeningHeadquarters } from '../helpers/hq';
import { repairStore } from '../helpers/repair';
import { storeWithHistory } from '../helpers/report-history';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});

describe('reports at headquarters', () => {
  it('give each store, filtered by store, the very figures its own counter gives', async () => {
    const { hq, url } = await listeningHeadquarters();
    open.push({ close: () => hq.close() });
    const shanghai = await storeWithHistory('SH01');
    const beijing = await repairStore('BJ01');
    open.push(shanghai.core, beijing.core);
    const other = await beijing.take();
    await beijing.passTime(3_600_000);
    await enrolCounter(hq, url, shanghai, 'SH01');
    await addStore(hq.db, { code: 'BJ01', name: '北京西单店' }, hq.now());
    await enrolCounter(hq, url, beijing, 'BJ01');
    value(await shanghai.as('clerk')('sync.now', {}));
    value(await beijing.as('clerk')('sync.now', {}));
    const range = { from: '2026-11-22', to: shanghai.today() };

    for (const kind of reportKinds) {
      const atCounter = value(
        await shanghai.as('supervisor')('reports.run', { runId: crypto.randomUUID(), kind, range }),
      );
      const atHq = await storeReport(hq.db, 'SH01', kind, range, shanghai.clock.now());
      expect(atHq.result, kind).toEqual(atCounter);
    }
    // Tickets pushed before the store had migration 0011 reach headquarters without the report
    // columns: headquarters fills them in from the devices and events, and the figures stay the same.
    await sql`UPDATE hq_rows SET payload = payload - 'finished_at' - 'category_id' - 'brand' - 'model'
      - 'prior_ticket_id' - 'prior_gap_days' WHERE entity = 'tickets'`.execute(hq.db);
    for (const kind of ['turnaround', 'recurring_faults', 'technicians'] as const) {
      const atCounter = value(
        await shanghai.as('supervisor')('reports.run', { runId: crypto.randomUUID(), kind, range }),
      );
      expect(
        (await storeReport(hq.db, 'SH01', kind, range, shanghai.clock.now())).result,
        `${kind} before 0011`,
      ).toEqual(atCounter);
    }

    // Beijing's report holds Beijing's one ticket, none of Shanghai's.
    const recurring = (await storeReport(hq.db, 'BJ01', 'recurring_faults', range, hq.now())).result;
    expect(recurring.kind === 'recurring_faults' && recurring.total.tickets).toBe(1);
    expect(recurring.kind === 'recurring_faults' && recurring.rows[0]?.model).toBe(other.device.model);

    const table = reportTable(
      (await storeReport(hq.db, 'SH01', 'technicians', range, hq.now())).result,
      'zh-CN',
    );
    expect(table[0]).toEqual([
      'technicianId',
      'name',
      'jobs',
      'labourMinutes',
      'firstTimeFixes',
      'reRepairs',
      'ratings',
      'satisfactionMean',
    ]);
    expect(
      table
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual(['technician-2468', 'technician-3579']);
    expect(reportText('SH01', table)).toContain('technician-2468');
    expect(reportCsv(table).startsWith('\uFEFFtechnicianId,name,')).toBe(true);
    await expect(storeReport(hq.db, 'XX99', 'income', range, hq.now())).rejects.toThrow(/No store XX99/);
  });
});
