import type { ParsedInputOf } from '../../../shared/contract';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { hashPin } from '../auth/pin';
import { recordChange, recordEvent } from '../changes';
import { refuseIfHeadquarters } from '../sync/master-apply';
import type { Ctx } from '../context';
import type { Tx } from '../db/schema';
import { countActiveAdmins, findStaff, listStaff, toStaffView, type StaffView } from './staff.repository';

const storeIdOf = (ctx: Ctx): string =>
  ctx.core.storeId ?? failWith('not_set_up', 'This counter has not been set up yet');

export async function listAllStaff(ctx: Ctx): Promise<StaffView[]> {
  const rows = await listStaff(ctx.core.db, storeIdOf(ctx));
  return rows.map((row) => toStaffView(row, ctx.core.now()));
}

export async function createStaff(ctx: Ctx, input: ParsedInputOf<'staff.create'>): Promise<StaffView> {
  const storeId = storeIdOf(ctx);
  const pinHash = await hashPin(input.pin);
  return ctx.core.db.transaction().execute(async (trx) => {
    const id = newId();
    const now = ctx.core.now();
    await trx
      .insertInto('staff')
      .values({
        id,
        store_id: storeId,
        name: input.name,
        role: input.role,
        pin_hash: pinHash,
        active: 1,
        language: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return saved(trx, ctx, id, 'staff.create');
  });
}

export async function updateStaff(ctx: Ctx, input: ParsedInputOf<'staff.update'>): Promise<StaffView> {
  const storeId = storeIdOf(ctx);
  const view = await ctx.core.db.transaction().execute(async (trx) => {
    await refuseIfHeadquarters(trx, 'staff', input.id, 'id');
    const before = await findStaff(trx, input.id);
    if (!before || before.store_id !== storeId) return failWith('not_found', 'No such staff member');
    await trx
      .updateTable('staff')
      .set({
        name: input.name ?? before.name,
        role: input.role ?? before.role,
        active: input.active === undefined ? before.active : Number(input.active),
        updated_at: ctx.core.now(),
      })
      .where('id', '=', input.id)
      .execute();
    // Checked after the write, inside the transaction: the store must keep one admin who can sign in.
    if ((await countActiveAdmins(trx, storeId)) === 0) {
      failWith('last_admin', 'The store must keep at least one active admin');
    }
    return saved(trx, ctx, input.id, 'staff.update', {
      role: [before.role, input.role ?? before.role],
      active: [before.active === 1, input.active ?? before.active === 1],
    });
  });
  ctx.core.sessions.endFor(input.id); // a new role or a deactivation takes effect at once
  return view;
}

export async function resetPin(ctx: Ctx, input: ParsedInputOf<'staff.resetPin'>): Promise<null> {
  const pinHash = await hashPin(input.pin);
  await ctx.core.db.transaction().execute(async (trx) => {
    await requireStaff(trx, ctx, input.id);
    await refuseIfHeadquarters(trx, 'staff', input.id, 'id');
    await trx
      .updateTable('staff')
      .set({ pin_hash: pinHash, updated_at: ctx.core.now() })
      .where('id', '=', input.id)
      .execute();
    await trx.deleteFrom('staff_pin_attempts').where('staff_id', '=', input.id).execute();
    await saved(trx, ctx, input.id, 'staff.resetPin');
  });
  ctx.core.sessions.endFor(input.id);
  return null;
}

export async function unlockStaff(ctx: Ctx, input: ParsedInputOf<'staff.unlock'>): Promise<null> {
  await ctx.core.db.transaction().execute(async (trx) => {
    await requireStaff(trx, ctx, input.id);
    await trx.deleteFrom('staff_pin_attempts').where('staff_id', '=', input.id).execute();
    await recordEvent(trx, ctx, { action: 'staff.unlock', entity: 'staff', entityId: input.id });
  });
  return null;
}

async function requireStaff(trx: Tx, ctx: Ctx, id: string) {
  const row = await findStaff(trx, id);
  if (!row || row.store_id !== storeIdOf(ctx)) return failWith('not_found', 'No such staff member');
  return row;
}

/** Audits and queues the staff row as it now stands, and returns its view. */
async function saved(
  trx: Tx,
  ctx: Ctx,
  id: string,
  action: string,
  details?: Record<string, unknown>,
): Promise<StaffView> {
  const row = await requireStaff(trx, ctx, id);
  const { locked_until: _localOnly, ...synced } = row;
  await recordChange(trx, ctx, { action, entity: 'staff', entityId: id, row: synced, details });
  return toStaffView(row, ctx.core.now());
}
