import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { CustodyPlace } from '../../../shared/custody';
import { addDays, calendarDateIn, daysBetween, startOfDayIn } from '../../../shared/dates';
import { failWith } from '../../../shared/result';
import type { Ctx } from '../context';
import { localStore } from '../store/store.repository';
import { countsByLocation, devicesIn, ledgerRows } from './goods.repository';

type GoodsList = OutputOf<'goods.onPremises'>;

/**
 * A page of the devices in one place with their ages in the store's calendar: days at this stage
 * (flagged idle past the setting) and days since intake (flagged for notice past the storage
 * period), plus the count per location. The filters are cut-off instants, so the index does the work.
 */
async function goodsIn(
  ctx: Ctx,
  place: CustodyPlace,
  input: ParsedInputOf<'goods.onPremises'>,
): Promise<GoodsList> {
  const store = await localStore(ctx);
  const { custodyIdleDays, storageDays } = ctx.core.settings;
  const today = calendarDateIn(ctx.core.now(), store.time_zone);
  const daysSince = (at: number) => daysBetween(calendarDateIn(at, store.time_zone), today);
  // More than N whole days ago: before the start of the day N days back.
  const cutoff = (days: number) => startOfDayIn(addDays(today, -days), store.time_zone);
  const rows = await devicesIn(ctx.core.db, {
    storeId: store.id,
    place,
    location: input.location,
    sinceBefore: input.idleOnly ? cutoff(custodyIdleDays) : undefined,
    receivedBefore: input.pastStorageOnly ? cutoff(storageDays) : undefined,
    after: input.after,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit).map((row) => {
    const daysHere = daysSince(row.since);
    const daysHeld = daysSince(row.receivedAt);
    return {
      ...row,
      daysHere,
      daysHeld,
      idle: daysHere > custodyIdleDays,
      pastStorage: daysHeld > storageDays,
    };
  });
  const last = page.at(-1);
  const byLocation = (await countsByLocation(ctx.core.db, store.id, place)).map((row) => ({
    location: row.location,
    count: Number(row.count),
    oldestSince: Number(row.oldestSince),
  }));
  return {
    byLocation,
    total: byLocation.reduce((sum, row) => sum + row.count, 0),
    rows: page,
    next:
      rows.length > input.limit && last
        ? { location: last.location, since: last.since, ticketId: last.ticketId }
        : null,
  };
}

export const onPremises = (ctx: Ctx, input: ParsedInputOf<'goods.onPremises'>) =>
  goodsIn(ctx, 'on_premises', input);
export const atVendor = (ctx: Ctx, input: ParsedInputOf<'goods.atVendor'>) =>
  goodsIn(ctx, 'at_vendor', input);

/** At most a year at a time: the register is printed and exported by period. */
const maxRegisterDays = 366;

/** 客户商品进出登记簿: every movement from the start of `from` to the end of `to`, store time. */
export async function register(
  ctx: Ctx,
  input: ParsedInputOf<'goods.register'>,
): Promise<OutputOf<'goods.register'>> {
  const span = daysBetween(input.from, input.to);
  if (span < 0) return failWith('invalid_input', 'from is after to', { fields: { to: 'before_from' } });
  if (span >= maxRegisterDays) {
    return failWith('invalid_input', `At most ${maxRegisterDays} days`, { fields: { to: 'range_too_long' } });
  }
  const store = await localStore(ctx);
  const limit = 10_000;
  const rows = await ledgerRows(
    ctx.core.db,
    {
      storeId: store.id,
      fromAt: startOfDayIn(input.from, store.time_zone),
      toAt: startOfDayIn(addDays(input.to, 1), store.time_zone),
    },
    limit + 1,
  );
  return { rows: rows.slice(0, limit), truncated: rows.length > limit };
}
