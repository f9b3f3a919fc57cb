import { countTotal } from '../../../shared/cash';
import type { Drawer, ZReport } from '../../../shared/contract-dayclose';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { calendarDateIn } from '../../../shared/dates';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { recordChange } from '../changes';
import { keyReused } from '../idempotency';
import { sessionOf, type Ctx } from '../context';
import type { Executor, StoresTable, Tx } from '../db/schema';
import type { DayClosesTable } from '../payments/money.tables';
import { staffNames } from '../payments/bill.repository';
import { localStore } from '../store/store.repository';
import { standingClose } from './business-day';
import { drawerState } from './cash-drawer.service';
import { cashOfDay, closingCounts, computeZReport, countThatStands } from './z-report';

const person = (names: Map<string, string>, id: string) => ({ id, name: names.get(id) ?? '' });

/** A day that has not begun cannot be counted or closed. */
function refuseFuture(ctx: Ctx, store: StoresTable, date: string): void {
  if (date > calendarDateIn(ctx.core.now(), store.time_zone)) {
    failWith('invalid_input', `${date} has not begun`, { fields: { businessDate: 'date_in_future' } });
  }
}

async function refuseLocked(db: Executor, store: StoresTable, date: string): Promise<void> {
  if (await standingClose(db, store.id, date)) {
    failWith('day_closed', `${date} is already closed`, { details: { businessDate: date } });
  }
}

/** A stored close as its Z-report, with what happened to it since (a reopen) and earlier closes. */
async function reportOf(db: Executor, close: DayClosesTable): Promise<ZReport> {
  const [reopen, earlier] = await Promise.all([
    db.selectFrom('day_reopens').selectAll().where('close_id', '=', close.id).executeTakeFirst(),
    db
      .selectFrom('day_closes')
      .select('z_no')
      .where('store_id', '=', close.store_id)
      .where('business_date', '=', close.business_date)
      .where('z_no', '<', close.z_no)
      .orderBy('z_no')
      .execute(),
  ]);
  const names = await staffNames(db, [
    close.closed_by,
    ...(reopen ? [reopen.staff_id, reopen.approved_by] : []),
  ]);
  const report = JSON.parse(close.report) as ZReport;
  return {
    ...report,
    zNo: close.z_no,
    closed: true,
    closedBy: person(names, close.closed_by),
    closedAt: close.at,
    reopened: reopen
      ? {
          by: person(names, reopen.staff_id),
          approvedBy: person(names, reopen.approved_by),
          reason: reopen.reason,
          at: reopen.at,
        }
      : null,
    earlierZ: earlier.map((row) => row.z_no),
  };
}

/** The day as it stands, or its Z-report once closed. */
export async function preview(ctx: Ctx, input: ParsedInputOf<'dayclose.preview'>): Promise<ZReport> {
  const store = await localStore(ctx);
  const close = await standingClose(ctx.core.db, store.id, input.businessDate);
  if (close) return reportOf(ctx.core.db, close);
  return computeZReport(ctx.core.db, store, input.businessDate, { blind: ctx.core.settings.blindClose });
}

/** The closing count by denomination; the expected cash is stored beside it as it was then. */
export async function count(ctx: Ctx, input: ParsedInputOf<'dayclose.count'>): Promise<ZReport> {
  const store = await localStore(ctx);
  refuseFuture(ctx, store, input.businessDate);
  const blind = ctx.core.settings.blindClose;
  await ctx.core.db.transaction().execute(async (trx) => {
    const repeat = await trx
      .selectFrom('drawer_counts')
      .select(['business_date', 'counts'])
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (repeat) {
      const same =
        repeat.business_date === input.businessDate && repeat.counts === JSON.stringify(input.counts);
      return same ? undefined : keyReused();
    }
    await refuseLocked(trx, store, input.businessDate);
    const { expected } = await cashOfDay(trx, store.id, input.businessDate);
    const row = {
      id: newId(),
      store_id: store.id,
      business_date: input.businessDate,
      counts: JSON.stringify(input.counts),
      counted_fen: countTotal(input.counts),
      expected_fen: expected,
      blind: blind ? (1 as const) : (0 as const),
      staff_id: sessionOf(ctx).staffId,
      at: ctx.core.now(),
      idempotency_key: input.idempotencyKey,
    };
    await trx.insertInto('drawer_counts').values(row).execute();
    await recordChange(trx, ctx, {
      action: 'dayclose.count',
      entity: 'drawer_counts',
      entityId: row.id,
      row,
      details: { businessDate: row.business_date, countedFen: row.counted_fen, blind },
    });
  });
  return computeZReport(ctx.core.db, store, input.businessDate, { blind });
}

/** The next Z number of the store: they run on across days and never repeat. */
async function nextZ(trx: Tx, storeId: string): Promise<number> {
  const last = await trx
    .selectFrom('day_closes')
    .select(({ fn }) => fn.max<number>('z_no').as('z'))
    .where('store_id', '=', storeId)
    .executeTakeFirst();
  return Number(last?.z ?? 0) + 1;
}

/**
 * Closes a day on the count that stands (the latest; in a blind close the first): a variance needs
 * a note; the Z-report is numbered and stored as printed; the day is locked, so later payments fall
 * into the next day.
 */
export async function close(ctx: Ctx, input: ParsedInputOf<'dayclose.close'>): Promise<ZReport> {
  const store = await localStore(ctx);
  refuseFuture(ctx, store, input.businessDate);
  const blind = ctx.core.settings.blindClose;
  const closeId = await ctx.core.db.transaction().execute(async (trx) => {
    const repeat = await trx
      .selectFrom('day_closes')
      .select(['id', 'business_date'])
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (repeat) return repeat.business_date === input.businessDate ? repeat.id : keyReused();
    await refuseLocked(trx, store, input.businessDate);
    const counts = await closingCounts(trx, store.id, input.businessDate);
    const latest =
      countThatStands(counts, blind) ??
      failWith('invalid_input', 'Count the drawer first', { fields: { counts: 'count_first' } });
    const report = await computeZReport(trx, store, input.businessDate, { blind });
    const expected = report.cash.expectedFen ?? 0;
    const variance = latest.counted_fen - expected;
    if (variance !== 0 && input.note === '') {
      failWith('invalid_input', 'A variance needs a note', {
        fields: { note: 'variance_note_required' },
        details: { varianceFen: variance },
      });
    }
    const row = {
      id: newId(),
      store_id: store.id,
      business_date: input.businessDate,
      z_no: await nextZ(trx, store.id),
      count_id: latest.id,
      expected_fen: expected,
      counted_fen: latest.counted_fen,
      variance_fen: variance,
      note: input.note,
      report: JSON.stringify({ ...report, note: input.note }),
      closed_by: sessionOf(ctx).staffId,
      at: ctx.core.now(),
      idempotency_key: input.idempotencyKey,
    };
    await trx.insertInto('day_closes').values(row).execute();
    await recordChange(trx, ctx, {
      action: 'dayclose.close',
      entity: 'day_closes',
      entityId: row.id,
      row,
      details: { businessDate: row.business_date, zNo: row.z_no, varianceFen: variance },
    });
    return row.id;
  });
  const stored = await ctx.core.db
    .selectFrom('day_closes')
    .selectAll()
    .where('id', '=', closeId)
    .executeTakeFirstOrThrow();
  return reportOf(ctx.core.db, stored);
}

/** Reopens a closed day, allowed by a supervisor; the close stays on record, marked reopened. */
export async function reopen(ctx: Ctx, input: ParsedInputOf<'dayclose.reopen'>): Promise<Drawer> {
  const store = await localStore(ctx);
  await ctx.core.db.transaction().execute(async (trx) => {
    const standing =
      (await standingClose(trx, store.id, input.businessDate)) ??
      failWith('invalid_input', `${input.businessDate} is not closed`, {
        fields: { businessDate: 'not_closed' },
      });
    const row = {
      id: newId(),
      store_id: store.id,
      business_date: input.businessDate,
      close_id: standing.id,
      reason: input.reason,
      staff_id: sessionOf(ctx).staffId,
      approved_by: ctx.overrideBy ?? sessionOf(ctx).staffId,
      at: ctx.core.now(),
    };
    await trx.insertInto('day_reopens').values(row).execute();
    await recordChange(trx, ctx, {
      action: 'dayclose.reopen',
      entity: 'day_reopens',
      entityId: row.id,
      row,
      details: { businessDate: row.business_date, zNo: standing.z_no, reason: row.reason },
    });
  });
  return drawerState(ctx, ctx.core.db, store);
}

export async function report(ctx: Ctx, input: ParsedInputOf<'dayclose.report'>): Promise<ZReport> {
  const store = await localStore(ctx);
  const close =
    (await ctx.core.db
      .selectFrom('day_closes')
      .selectAll()
      .where('store_id', '=', store.id)
      .where('z_no', '=', input.zNo)
      .executeTakeFirst()) ?? failWith('not_found', `No Z-report ${input.zNo}`);
  return reportOf(ctx.core.db, close);
}

export async function list(
  ctx: Ctx,
  input: ParsedInputOf<'dayclose.list'>,
): Promise<OutputOf<'dayclose.list'>> {
  const store = await localStore(ctx);
  const rows = await ctx.core.db
    .selectFrom('day_closes as c')
    .leftJoin('day_reopens as r', 'r.close_id', 'c.id')
    .innerJoin('staff as s', 's.id', 'c.closed_by')
    .select([
      'c.z_no',
      'c.business_date',
      'c.closed_by',
      's.name',
      'c.at',
      'c.variance_fen',
      'r.id as reopen_id',
    ])
    .where('c.store_id', '=', store.id)
    .orderBy('c.z_no', 'desc')
    .limit(input.limit)
    .execute();
  return rows.map((row) => ({
    zNo: row.z_no,
    businessDate: row.business_date,
    closedBy: { id: row.closed_by, name: row.name },
    at: row.at,
    varianceFen: row.variance_fen,
    reopened: row.reopen_id !== null,
  }));
}
