import { addDays, calendarDateIn } from '../../../shared/dates';
import { failWith } from '../../../shared/result';
import type { Ctx } from '../context';
import type { Executor, StoresTable } from '../db/schema';

/** How far back the drawer lists days nobody closed, and so how far back money may be put. */
export const lookBackDays = 31;

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
 * The day a write goes into: the one the caller named (refused if it is closed, has not begun, or
 * lies before `notBefore` or the drawer's look-back), else the current business day. Called inside the writing transaction, so a close cannot slip in
 * between the check and the write.
 */
export async function dayForWrite(
  db: Executor,
  ctx: Ctx,
  store: StoresTable,
  named: string | undefined,
  notBefore = '',
): Promise<string> {
  const current = await currentBusinessDay(db, ctx, store);
  if (named === undefined) return current;
  if (named > current) {
    return failWith('invalid_input', `${named} has not begun`, {
      fields: { businessDate: 'date_in_future' },
    });
  }
  // Only a day the drawer screen still lists as unclosed, and not before the ticket existed: money
  // put on a day no one will ever close would be on no Z-report at all.
  if (named < addDays(current, -lookBackDays) || named < notBefore) {
    return failWith('invalid_input', `${named} is too far back`, {
      fields: { businessDate: 'date_too_early' },
    });
  }
  if (await isLocked(db, store.id, named)) {
    return failWith('day_closed', `${named} is closed`, { details: { businessDate: named } });
  }
  return named;
}
