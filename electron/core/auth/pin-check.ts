import { sql } from 'kysely';
import { failWith } from '../../../shared/result';
import { recordEvent } from '../changes';
import type { Ctx } from '../context';
import type { StaffTable } from '../db/schema';
import { verifyPin } from './pin';

const lockedOut = (retryAt: number): never =>
  failWith('locked_out', 'Too many wrong PINs; try again later', { details: { retryAt } });

/**
 * Checks a staff member's PIN and keeps the lock-out count: after `pinMaxAttempts` wrong PINs in a
 * row the person is locked out for `pinLockoutMinutes`, even with the right PIN.
 *
 * The attempt is counted before the (slow) scrypt check, in one statement, so attempts made at the
 * same moment each take their own number: a burst of guesses cannot all slip in under the limit.
 * A right PIN clears the count; a wrong one is audited.
 */
export async function checkPin(ctx: Ctx, staff: StaffTable, pin: string): Promise<void> {
  const { core } = ctx;
  const now = core.now();
  const max = core.settings.pinMaxAttempts;
  const attempt = await core.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('staff_pin_attempts')
      .selectAll()
      .where('staff_id', '=', staff.id)
      .executeTakeFirst();
    if (current?.locked_until && current.locked_until > now)
      return { lockedUntil: current.locked_until, n: 0 };
    const expired = current?.locked_until != null; // a lock-out that has run out starts a new count
    const row = await trx
      .insertInto('staff_pin_attempts')
      .values({ staff_id: staff.id, failed_count: 1, locked_until: null })
      .onConflict((oc) =>
        oc.column('staff_id').doUpdateSet({
          failed_count: expired ? 1 : sql<number>`failed_count + 1`,
          locked_until: null,
        }),
      )
      .returning('failed_count')
      .executeTakeFirstOrThrow();
    if (row.failed_count <= max) return { lockedUntil: null, n: row.failed_count };
    // Past the limit while the attempt that reached it is still being checked: lock now.
    const until = now + core.settings.pinLockoutMinutes * 60_000;
    await trx
      .updateTable('staff_pin_attempts')
      .set({ locked_until: until })
      .where('staff_id', '=', staff.id)
      .execute();
    return { lockedUntil: until, n: row.failed_count };
  });
  if (attempt.lockedUntil) lockedOut(attempt.lockedUntil);

  if (await verifyPin(pin, staff.pin_hash)) {
    await core.db.deleteFrom('staff_pin_attempts').where('staff_id', '=', staff.id).execute();
    return;
  }

  const lockNow = attempt.n >= max;
  const lockedUntil = now + core.settings.pinLockoutMinutes * 60_000;
  await core.db.transaction().execute(async (trx) => {
    if (lockNow) {
      await trx
        .updateTable('staff_pin_attempts')
        .set({ locked_until: lockedUntil })
        .where('staff_id', '=', staff.id)
        .execute();
    }
    await recordEvent(trx, ctx, {
      action: lockNow ? 'auth.lockout' : 'auth.wrongPin',
      entity: 'staff',
      entityId: staff.id,
      staffId: staff.id,
      details: lockNow ? { lockedUntil } : { failed: attempt.n },
    });
  });
  if (lockNow) {
    core.sessions.endFor(staff.id);
    lockedOut(lockedUntil);
  }
  failWith('wrong_pin', 'Wrong PIN', { details: { attemptsLeft: max - attempt.n } });
}
