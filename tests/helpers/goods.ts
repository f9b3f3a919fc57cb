import type { InputOf } from '../../shared/contract';
import { addDays, calendarDateIn } from '../../shared/dates';
import { addStaff, adminPin, manualClock, openTestCore, rpc, setUpStore, value } from './core';
import { phoneIntake } from './intake';

const day = 24 * 3600_000;

// 2026-11-22 09:00 UTC is 17:00 in Shanghai.
/**
 * A store with a clerk and a supervisor signed in, taking devices in by serial. The tests of the
 * custody ledger move devices by the goods screens alone, which only a device the store owns may
 * do (a customer's device goes to a vendor and back with its repair: tests/db/repair-steps.test.ts);
 * so `take` marks each ticket refunded, the store's own device, as test set-up.
 */
export async function goodsStore() {
  const clock = manualClock(Date.UTC(2026, 10, 22, 9, 0, 0));
  const core = await openTestCore({ now: clock.now });
  const { adminToken } = await setUpStore(core);
  const clerk = await addStaff(core, adminToken, 'clerk');
  const supervisor = await addStaff(core, adminToken, 'supervisor', '8642');
  const ownedByStore = <T extends { id: string }>(ticket: T): T => {
    core.sqlite
      .prepare("UPDATE tickets SET status = 'refunded', outcome = 'refund' WHERE id = ?")
      .run(ticket.id);
    return ticket;
  };
  const take = async (serial: string) =>
    ownedByStore(
      value(
        await rpc(
          core,
          'tickets.create',
          phoneIntake({
            device: { ...phoneIntake().device, serial },
            promisedDate: addDays(calendarDateIn(clock.now(), 'Asia/Shanghai'), 3),
          }),
          {
            token: clerk.token,
          },
        ),
      ),
    );
  const move = (input: InputOf<'goods.move'>, token = clerk.token) =>
    rpc(core, 'goods.move', input, { token });
  const where = async (ticket: string) =>
    value(await rpc(core, 'goods.whereIs', { ticket }, { token: clerk.token }));
  /** Days pass; every session locked itself meanwhile. */
  const later = async (days: number) => {
    clock.advance(days * day);
    for (const [token, pin] of [
      [clerk.token, clerk.pin],
      [supervisor.token, supervisor.pin],
      [adminToken, adminPin],
    ] as const) {
      value(await rpc(core, 'auth.unlock', { pin }, { token }));
    }
  };
  return { core, clock, clerk, supervisor, adminToken, take, move, where, later };
}
