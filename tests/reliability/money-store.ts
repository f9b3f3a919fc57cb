import { randomUUID } from 'node:crypto';
import { repairStore } from '../helpers/repair';
import { value } from '../helpers/core';

/** The opening float the store counts before the worker's first run: ¥300 in notes, ¥100 in tens. */
export const floatCounts = { '10000': 3, '1000': 10 };
export const floatFen = 40_000;

/**
 * A store for the kill-loop, set up through the real core and then closed, so the worker is the
 * only writer: the crew, the opening float, `ready` tickets with labour on their bills (to be paid
 * and handed back) and open tickets (that take deposits). Returns what the worker needs to know.
 */
export async function moneyStore(options: { ready: number; open: number }) {
  const store = await repairStore();
  const { as, take, forceStatus, core } = store;
  value(await as('clerk')('drawer.float', { counts: floatCounts, idempotencyKey: randomUUID() }));
  const ready: string[] = [];
  for (let i = 0; i < options.ready; i += 1) {
    const ticket = await take({ estimateFen: 20_000 });
    forceStatus(ticket.id, 'in_repair');
    // 30 to 240 minutes at the default ¥60 an hour: bills of ¥30 to ¥200 (the estimate caps them).
    const minutes = 30 + ((i * 37) % 211);
    value(await as('tech')('repair.logLabour', { ticket: ticket.id, minutes }));
    forceStatus(ticket.id, 'ready');
    ready.push(ticket.id);
  }
  const open: string[] = [];
  for (let i = 0; i < options.open; i += 1) open.push((await take()).id);
  const businessDate = store.today();
  const result = {
    dataDir: core.dataDir,
    databaseFile: core.databaseFile,
    businessDate,
    /** The worker's clock starts after the set-up, on the same business day. */
    clockStartMs: store.clock.now() + 60_000,
    clerk: { id: store.crew.clerk.id, pin: store.crew.clerk.pin },
    ready,
    open,
  };
  await core.close();
  return result;
}
