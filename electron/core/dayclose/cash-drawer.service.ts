import { countTotal } from '../../../shared/cash';
import type { Drawer } from '../../../shared/contract-dayclose';
import type { ParsedInputOf } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { recordChange } from '../changes';
import { keyReused } from '../idempotency';
import { sessionOf, type Ctx } from '../context';
import type { Executor, StoresTable } from '../db/schema';
import type { CashMovementsTable } from '../payments/money.tables';
import { localStore } from '../store/store.repository';
import { currentBusinessDay, isLocked, lookBackDays } from './business-day';
import { cashOfDay, closingCounts } from './z-report';

/** Earlier days with money or cash movements on them and no standing close. */
async function unclosedDays(db: Executor, store: StoresTable, before: string): Promise<string[]> {
  const from = addDays(before, -lookBackDays);
  const days = new Set<string>();
  for (const table of ['payments', 'cash_movements'] as const) {
    const rows = await db
      .selectFrom(table)
      .select('business_date')
      .distinct()
      .where('store_id', '=', store.id)
      .where('business_date', '>=', from)
      .where('business_date', '<', before)
      .execute();
    for (const row of rows) days.add(row.business_date);
  }
  const open: string[] = [];
  for (const day of [...days].sort()) if (!(await isLocked(db, store.id, day))) open.push(day);
  return open;
}

/** The drawer of the current business day: the float, what was paid in and out, what it should hold. */
export async function drawerState(ctx: Ctx, db: Executor, store: StoresTable): Promise<Drawer> {
  const businessDate = await currentBusinessDay(db, ctx, store);
  const [{ drawer, expected }, counts] = await Promise.all([
    cashOfDay(db, store.id, businessDate),
    closingCounts(db, store.id, businessDate),
  ]);
  const float = drawer.float;
  const movement = drawer.movements.find((m) => m.kind === 'float');
  // A blind close shows nothing of what the drawer should hold until it has been counted.
  const hidden = ctx.core.settings.blindClose && counts.length === 0;
  return {
    businessDate,
    float:
      float && movement
        ? { counts: float.counts, totalFen: float.totalFen, staff: movement.staff, at: movement.at }
        : null,
    movements: drawer.movements.filter((m) => m.kind !== 'float'),
    expectedCashFen: hidden ? null : expected,
    unclosedDays: await unclosedDays(db, store, businessDate),
  };
}

export async function state(ctx: Ctx): Promise<Drawer> {
  const store = await localStore(ctx);
  return drawerState(ctx, ctx.core.db, store);
}

/** Appends a cash movement to the current business day, once per idempotency key. */
async function appendCash(
  ctx: Ctx,
  entry: Pick<CashMovementsTable, 'kind' | 'amount_fen' | 'counts' | 'note' | 'idempotency_key'>,
): Promise<Drawer> {
  const store = await localStore(ctx);
  await ctx.core.db.transaction().execute(async (trx) => {
    const repeat = await trx
      .selectFrom('cash_movements')
      .select(['kind', 'amount_fen'])
      .where('idempotency_key', '=', entry.idempotency_key)
      .executeTakeFirst();
    if (repeat) {
      if (repeat.kind === entry.kind && repeat.amount_fen === entry.amount_fen) return; // a retry
      keyReused();
    }
    const businessDate = await currentBusinessDay(trx, ctx, store);
    if (entry.kind === 'float') {
      const counted = await trx
        .selectFrom('cash_movements')
        .select('id')
        .where('store_id', '=', store.id)
        .where('business_date', '=', businessDate)
        .where('kind', '=', 'float')
        .executeTakeFirst();
      if (counted)
        failWith('conflict', `The float of ${businessDate} is already counted`, {
          fields: { counts: 'float_counted' },
        });
    }
    if (entry.kind === 'pay_out') {
      const { expected } = await cashOfDay(trx, store.id, businessDate);
      if (entry.amount_fen > expected) {
        failWith('invalid_input', 'The drawer does not hold that much cash', {
          fields: { amountFen: 'more_than_in_drawer' },
        });
      }
    }
    const row = {
      ...entry,
      id: newId(),
      store_id: store.id,
      business_date: businessDate,
      staff_id: sessionOf(ctx).staffId,
      at: ctx.core.now(),
    };
    await trx.insertInto('cash_movements').values(row).execute();
    await recordChange(trx, ctx, {
      action: `drawer.${entry.kind}`,
      entity: 'cash_movements',
      entityId: row.id,
      row,
      details: { businessDate, amountFen: row.amount_fen, note: row.note },
    });
  });
  return drawerState(ctx, ctx.core.db, store);
}

export const float = (ctx: Ctx, input: ParsedInputOf<'drawer.float'>): Promise<Drawer> =>
  appendCash(ctx, {
    kind: 'float',
    amount_fen: countTotal(input.counts),
    counts: JSON.stringify(input.counts),
    note: '',
    idempotency_key: input.idempotencyKey,
  });

export const cash = (ctx: Ctx, input: ParsedInputOf<'drawer.cash'>): Promise<Drawer> =>
  appendCash(ctx, {
    kind: input.kind,
    amount_fen: input.amountFen,
    counts: '{}',
    note: input.note,
    idempotency_key: input.idempotencyKey,
  });
