import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { recordChange, recordEvent } from '../changes';
import { sessionOf, type Ctx } from '../context';
import type { Executor } from '../db/schema';
import { localStore } from '../store/store.repository';
import { currentState } from '../custody/custody-ledger';
import { deviceName } from '../devices/devices.repository';
import { findTicketRef } from './ticket-ref';

type ShelfCount = OutputOf<'goods.countLatest'> & {};

/**
 * A shelf count, like counting the cash drawer: scan every device found, then finish. Missing: the
 * ledger says on the premises, not scanned. Unexpected: scanned, but the ledger says it is elsewhere
 * (at a vendor, handed back). The result is kept (append-only) for the daily close.
 */
export async function startCount(ctx: Ctx): Promise<ShelfCount> {
  const staff = sessionOf(ctx);
  const store = await localStore(ctx);
  const open = await openCountId(ctx.core.db, store.id);
  if (open) return loadCount(ctx.core.db, open);
  const id = newId();
  await ctx.core.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('shelf_counts')
      .values({ id, store_id: store.id, started_at: ctx.core.now(), started_by: staff.staffId })
      .execute();
    await recordEvent(trx, ctx, { action: 'goods.countStart', entity: 'shelf_counts', entityId: id });
  });
  return loadCount(ctx.core.db, id);
}

export async function scanForCount(
  ctx: Ctx,
  input: ParsedInputOf<'goods.countScan'>,
): Promise<OutputOf<'goods.countScan'>> {
  const staff = sessionOf(ctx);
  const store = await localStore(ctx);
  return ctx.core.db.transaction().execute(async (trx) => {
    await openCount(trx, store.id, input.countId);
    const ticket = await findTicketRef(trx, store.id, input.code);
    const state = await currentState(trx, ticket.id);
    const written = await trx
      .insertInto('shelf_count_scans')
      .values({ count_id: input.countId, ticket_id: ticket.id, at: ctx.core.now(), staff_id: staff.staffId })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    const [line] = await countLines(trx, [ticket.id]);
    if (!line) throw new Error(`Ticket ${ticket.id} vanished`);
    return {
      ...line,
      place: state?.place ?? 'with_customer',
      location: state?.location ?? '',
      expected: state?.place === 'on_premises',
      again: Number(written.numInsertedOrUpdatedRows ?? 0) === 0,
    };
  });
}

export async function finishCount(ctx: Ctx, input: ParsedInputOf<'goods.countFinish'>): Promise<ShelfCount> {
  const staff = sessionOf(ctx);
  const store = await localStore(ctx);
  await ctx.core.db.transaction().execute(async (trx) => {
    await openCount(trx, store.id, input.countId);
    const here = await trx
      .selectFrom('custody_state')
      .select(['ticket_id', 'place', 'location'])
      .where('store_id', '=', store.id)
      .where('place', '=', 'on_premises')
      .execute();
    const scanned = await trx
      .selectFrom('shelf_count_scans as s')
      .leftJoin('custody_state as k', 'k.ticket_id', 's.ticket_id')
      .select(['s.ticket_id', 'k.place', 'k.location'])
      .where('s.count_id', '=', input.countId)
      .execute();
    const scannedIds = new Set(scanned.map((row) => row.ticket_id));
    const results = [
      ...here.map((row) => ({ ...row, outcome: scannedIds.has(row.ticket_id) ? 'found' : 'missing' })),
      ...scanned
        .filter((row) => row.place !== 'on_premises')
        .map((row) => ({
          ticket_id: row.ticket_id,
          place: row.place ?? 'with_customer',
          location: row.location ?? '',
          outcome: 'unexpected',
        })),
    ] as {
      ticket_id: string;
      place: string;
      location: string;
      outcome: 'found' | 'missing' | 'unexpected';
    }[];
    const tally = (outcome: string) => results.filter((row) => row.outcome === outcome).length;
    for (let i = 0; i < results.length; i += 500) {
      await trx
        .insertInto('shelf_count_results')
        .values(results.slice(i, i + 500).map((row) => ({ count_id: input.countId, ...row })))
        .execute();
    }
    const finished = {
      finished_at: ctx.core.now(),
      finished_by: staff.staffId,
      expected: here.length,
      found: tally('found'),
      missing: tally('missing'),
      unexpected: tally('unexpected'),
    };
    await trx.updateTable('shelf_counts').set(finished).where('id', '=', input.countId).execute();
    await recordChange(trx, ctx, {
      action: 'goods.countFinish',
      entity: 'shelf_counts',
      entityId: input.countId,
      row: { id: input.countId, store_id: store.id, ...finished },
    });
  });
  return loadCount(ctx.core.db, input.countId);
}

/** The open count, else the latest finished one, else null. */
export async function latestCount(ctx: Ctx): Promise<ShelfCount | null> {
  const store = await localStore(ctx);
  const open = await openCountId(ctx.core.db, store.id);
  const latest =
    open ??
    (
      await ctx.core.db
        .selectFrom('shelf_counts')
        .select('id')
        .where('store_id', '=', store.id)
        .where('finished_at', 'is not', null)
        .orderBy('finished_at', 'desc')
        .limit(1)
        .executeTakeFirst()
    )?.id;
  return latest ? loadCount(ctx.core.db, latest) : null;
}

const openCountId = async (db: Executor, storeId: string) =>
  (
    await db
      .selectFrom('shelf_counts')
      .select('id')
      .where('store_id', '=', storeId)
      .where('finished_at', 'is', null)
      .executeTakeFirst()
  )?.id;

async function openCount(db: Executor, storeId: string, countId: string): Promise<void> {
  const count = await db
    .selectFrom('shelf_counts')
    .select(['finished_at'])
    .where('id', '=', countId)
    .where('store_id', '=', storeId)
    .executeTakeFirst();
  if (!count) return failWith('not_found', 'No such shelf count');
  if (count.finished_at !== null) failWith('conflict', 'This shelf count is finished');
}

/** Ticket number, customer and device of each ticket, for the count's lists. */
async function countLines(db: Executor, ticketIds: string[]) {
  if (ticketIds.length === 0) return [];
  const rows = await db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .innerJoin('devices as d', 'd.id', 't.device_id')
    .select(['t.id', 't.ticket_no', 'c.name', 'd.brand', 'd.model'])
    .where('t.id', 'in', ticketIds)
    .execute();
  return rows.map((row) => ({
    ticketId: row.id,
    ticketNo: row.ticket_no,
    customerName: row.name,
    device: deviceName(row.brand, row.model),
  }));
}

async function loadCount(db: Executor, id: string): Promise<ShelfCount> {
  const count = await db
    .selectFrom('shelf_counts as k')
    .innerJoin('staff as s', 's.id', 'k.started_by')
    .leftJoin('staff as f', 'f.id', 'k.finished_by')
    .select([
      'k.id',
      'k.started_at',
      'k.finished_at',
      'k.expected',
      'k.found',
      's.name as started_by',
      'f.name as finished_by',
    ])
    .where('k.id', '=', id)
    .executeTakeFirstOrThrow();
  const scanned = await db
    .selectFrom('shelf_count_scans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('count_id', '=', id)
    .executeTakeFirstOrThrow();
  const results = await db
    .selectFrom('shelf_count_results')
    .select(['ticket_id', 'outcome', 'place', 'location'])
    .where('count_id', '=', id)
    .where('outcome', '!=', 'found')
    .execute();
  const lines = new Map(
    (
      await countLines(
        db,
        results.map((r) => r.ticket_id),
      )
    ).map((l) => [l.ticketId, l]),
  );
  const listOf = (outcome: string) =>
    results.flatMap((row) => {
      const line = lines.get(row.ticket_id);
      return row.outcome === outcome && line
        ? [{ ...line, place: row.place as ShelfCount['missing'][number]['place'], location: row.location }]
        : [];
    });
  return {
    id: count.id,
    startedAt: count.started_at,
    startedBy: count.started_by,
    finishedAt: count.finished_at,
    finishedBy: count.finished_by,
    scanned: Number(scanned.n),
    expected: count.expected,
    found: count.found,
    missing: listOf('missing'),
    unexpected: listOf('unexpected'),
  };
}
