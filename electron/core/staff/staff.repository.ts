import type { OutputOf } from '../../../shared/contract';
import { technicianRoles } from '../../../shared/roles';
import type { Executor, StaffTable } from '../db/schema';

export type StaffView = OutputOf<'staff.list'>[number];

type StaffRow = StaffTable & { locked_until: number | null };

const withLockout = (db: Executor) =>
  db
    .selectFrom('staff')
    .leftJoin('staff_pin_attempts', 'staff_pin_attempts.staff_id', 'staff.id')
    .selectAll('staff')
    .select('staff_pin_attempts.locked_until');

export const toStaffView = (row: StaffRow, now: number): StaffView => ({
  id: row.id,
  name: row.name,
  role: row.role,
  active: row.active === 1,
  language: row.language,
  lockedUntil: row.locked_until !== null && row.locked_until > now ? row.locked_until : null,
});

export const findStaff = (db: Executor, id: string): Promise<StaffRow | undefined> =>
  withLockout(db).where('staff.id', '=', id).executeTakeFirst();

/** An active person of this store who repairs (a job may be assigned to them, labour logged for them). */
export const findRepairer = (db: Executor, storeId: string, id: string) =>
  db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('store_id', '=', storeId)
    .where('active', '=', 1)
    .where('role', 'in', technicianRoles)
    .executeTakeFirst();

export const listStaff = (db: Executor, storeId: string): Promise<StaffRow[]> =>
  withLockout(db).where('staff.store_id', '=', storeId).orderBy('staff.name').execute();

export const countActiveAdmins = async (db: Executor, storeId: string): Promise<number> => {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('store_id', '=', storeId)
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};
