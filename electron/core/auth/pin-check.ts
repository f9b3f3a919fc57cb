import { failWith } from '../../../shared/result';
import { recordEvent } from '../changes';
import type { Ctx } from '../context';
import type { StaffTable } from '../db/schema';
import { verifyPin } from './pin';

/**
 * Checks a staff member's PIN and keeps the lock-out count: after `pinMaxAttempts` wrong PINs in a
 * row the person is locked out for `pinLockoutMinutes`, even with the right PIN. Failures are
 * committed (and audited) before the error is raised, so a wrong guess always counts.
 */
export async function checkPin(ctx: Ctx, staff: StaffTable, pin: string): Promise<void> {
  const { core } = ctx;
  const attempts = await core.db
    .selectFrom('staff_pin_attempts')
    .selectAll()
    .where('staff_id', '=', staff.id)
    .executeTakeFirst();
  const now = core.now();
  if (attempts?.locked_until && attempts.locked_until > now) {
    failWith('locked_out', 'Too many wrong PINs; try again later', {
      details: { retryAt: attempts.locked_until },
    });
  }
  if (await verifyPin(pin, staff.pin_hash)) {
    if (attempts) {
      await core.db.deleteFrom('staff_pin_attempts').where('staff_id', '=', staff.id).execute();
    }
    return;
  }
  const failed = (attempts?.failed_count ?? 0) + 1;
  const lockNow = failed >= core.settings.pinMaxAttempts;
  const lockedUntil = lockNow ? now + core.settings.pinLockoutMinutes * 60_000 : null;
  await core.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('staff_pin_attempts')
      .values({ staff_id: staff.id, failed_count: lockNow ? 0 : failed, locked_until: lockedUntil })
      .onConflict((oc) =>
        oc.column('staff_id').doUpdateSet({
          failed_count: lockNow ? 0 : failed,
          locked_until: lockedUntil,
        }),
      )
      .execute();
    await recordEvent(trx, ctx, {
      action: lockNow ? 'auth.lockout' : 'auth.wrongPin',
      entity: 'staff',
      entityId: staff.id,
      staffId: staff.id,
      details: lockNow ? { lockedUntil } : { failed },
    });
  });
  if (lockNow) {
    core.sessions.endFor(staff.id);
    failWith('locked_out', 'Too many wrong PINs; try again later', {
      details: { retryAt: lockedUntil },
    });
  }
  failWith('wrong_pin', 'Wrong PIN', {
    details: { attemptsLeft: core.settings.pinMaxAttempts - failed },
  });
}
