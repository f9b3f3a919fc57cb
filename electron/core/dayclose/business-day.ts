import { addDays, calendarDateIn } from '../../../shared/dates';
import { failWith } from '../../../shared/result';
import type { Ctx } from '../context';
import type { Executor, StoresTable } from '../db/schema';

/** The close of a day that no reopen names: while it exists the day is locked. */
export const standingClose = (db: Executor, storeId: string, businessDate: string) =>
  db
    .selectFrom('day_closes as c')
    .selectAll('c')
    .where('c.store_id', '=', storeId)
    .where('c.business_date', '=', businessDate)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('day_reopens as r').select('r.id').whereRef('r.close_id', '=', 'c.id'))),
    )
    .executeTakeFirst();

export const isLocked = async (db: Executor, storeId: string, businessDate: string): Promise<boolean> =>
  (await standingClose(db, storeId, businessDate)) !== undefined;

/**
 * The business day money taken now falls into: today in the store's calendar, or, once today is
 * closed, the first day after it that is not (a payment after the close belongs to tomorrow's drawer).
 */
export async function currentBusinessDay(db: Executor, ctx: Ctx, store: StoresTable): Promise<string> {
  let day = calendarDateIn(ctx.core.now(), store.time_zone);
  while (await isLocked(db, store.id, day)) day = addDays(day, 1);
  return day;
}

/**
 * The day a write goes into: the one the caller named (refused if it is closed or has not begun),
 * else the current business day. Called inside the writing transaction, so a close cannot slip in
 * between the check and the write.
 */
export async function dayForWrite(
  db: Executor,
  ctx: Ctx,
  store: StoresTable,
  named: string | undefined,
): Promise<string> {
  const current = await currentBusinessDay(db, ctx, store);
  if (named === undefined) return current;
  if (named > current) {
    return failWith('invalid_input', `${named} has not begun`, {
      fields: { businessDate: 'date_in_future' },
    });
  }
  if (await isLocked(db, store.id, named)) {
    return failWith('day_closed', `${named} is closed`, { details: { businessDate: named } });
  }
  return named;
}
