import { randomUUID } from 'node:crypto';
import type { Core } from '../../electron/core/core';

/**
 * A long time offline, quickly: `count` ticket changes written straight into the outbox, each a copy
 * of the first real ticket row already there (with its own id and number). For the sync volume test
 * and the sync bench. Returns the payloads written and the store id they carry.
 */
export function fillOutboxBacklog(core: Core, count: number, at: number) {
  const sample = core.sqlite
    .prepare("SELECT store_id, payload FROM outbox WHERE entity = 'tickets' LIMIT 1")
    .get() as { store_id: string; payload: string } | undefined;
  if (!sample) throw new Error('take a phone in first: the backlog copies its ticket row');
  const ticket = JSON.parse(sample.payload) as Record<string, unknown>;
  const insert = core.sqlite.prepare(
    `INSERT INTO outbox (id, store_id, entity, entity_id, op, payload, created_at)
     VALUES (?, ?, 'tickets', ?, 'upsert', ?, ?)`,
  );
  const payloads: string[] = [];
  core.sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const payload = JSON.stringify({
        ...ticket,
        id,
        ticket_no: `SH01-261101-${String(i).padStart(6, '0')}`,
      });
      payloads.push(payload);
      insert.run(randomUUID(), sample.store_id, id, payload, at);
    }
  })();
  return { payloads, storeId: sample.store_id };
}
