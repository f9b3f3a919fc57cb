import type { InputOf } from '../../shared/contract';
import { addDays, calendarDateIn } from '../../shared/dates';
import { addStaff, adminPin, manualClock, openTestCore, rpc, setUpStore, value } from './core';
import { phoneIntake } from './intake';

const day = 24 * 3600_000;

// 2026-11-22 09:00 UTC is 17:00 in Shanghai.
/** A store with a clerk and a supervisor signed in, taking devices in by serial. */
export async function goodsStore() {
  const clock = manualClock(Date.UTC(2026, 10, 22, 9, 0, 0));
  const core = await openTestCore({ now: clock.now });
  const { adminToken } = await setUpStore(core);
  const clerk = await addStaff(core, adminToken, 'clerk');
  const supervisor = await addStaff(core, adminToken, 'supervisor', '8642');
  const take = async (serial: string) =>
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
