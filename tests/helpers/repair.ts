import type { InputOf, MethodName } from '../../shared/contract';
import { addDays, calendarDateIn } from '../../shared/dates';
import type { TicketStatus } from '../../shared/ticket-status';
import { addStaff, adminPin, manualClock, openTestCore, rpc, setUpStore, value } from './core';
import { phoneIntake } from './intake';
import { signaturePng } from './signature';

/**
 * A store with the repair crew signed in: a clerk, two technicians and a supervisor (plus the
 * admin), taking phones in. `as(who)` calls a method as one of them, through the real dispatcher.
 */
export async function repairStore(storeCode = 'SH01') {
  const clock = manualClock(Date.UTC(2026, 10, 22, 2, 0, 0)); // 10:00 in Shanghai
  const core = await openTestCore({ now: clock.now });
  const { adminToken, adminId } = await setUpStore(core, storeCode);
  const clerk = await addStaff(core, adminToken, 'clerk', '1357');
  const tech = await addStaff(core, adminToken, 'technician', '2468');
  const tech2 = await addStaff(core, adminToken, 'technician', '3579');
  const supervisor = await addStaff(core, adminToken, 'supervisor', '8642');
  const crew = { clerk, tech, tech2, supervisor, admin: { id: adminId, token: adminToken } };
  type Who = keyof typeof crew;

  const as =
    (who: Who) =>
    <M extends MethodName>(method: M, input: InputOf<M>) =>
      rpc(core, method, input, { token: crew[who].token });

  let serials = 0;
  const nextSerial = () => `86000000000${String(++serials).padStart(4, '0')}`;
  const today = () => calendarDateIn(clock.now(), 'Asia/Shanghai');
  /** A phone taken in at the counter (paid service, a new serial); `overrides` change the intake. */
  const take = async (overrides: Partial<InputOf<'tickets.create'>> = {}) =>
    value(
      await as('clerk')(
        'tickets.create',
        phoneIntake({
          serviceType: 'A',
          estimateFen: 20000,
          promisedDate: addDays(today(), 3),
          ...overrides,
          // No proof of purchase unless the test gives one: a paid repair, its own serial.
          device: { ...phoneIntake().device, purchaseDate: null, serial: nextSerial(), ...overrides.device },
        }),
      ),
    );
  const card = async (ticket: string) => value(await as('clerk')('repair.card', { ticket }));

  /** Test set-up only: puts a ticket straight into a status, as if it had got there. */
  const forceStatus = (ticketId: string, status: TicketStatus, extra: Record<string, unknown> = {}) => {
    const sets = Object.keys(extra)
      .map((k) => `, ${k} = @${k}`)
      .join('');
    core.sqlite
      .prepare(`UPDATE tickets SET status = @status, version = version + 1${sets} WHERE id = @id`)
      .run({ status, id: ticketId, ...extra });
  };

  /** A supervisor's PIN lets `who` make this one call of `method`, which they may not make alone. */
  const overrideFor = async (method: MethodName, request: object, who: Who = 'clerk') =>
    value(
      await rpc(
        core,
        'auth.override',
        {
          supervisorId: supervisor.id,
          pin: supervisor.pin,
          method,
          request: request as Record<string, unknown>,
        },
        { token: crew[who].token },
      ),
    ).overrideToken;
  /** `who` calls `method` with a supervisor's override for exactly this input. */
  const withOverride =
    (who: Who) =>
    async <M extends MethodName>(method: M, input: InputOf<M>) =>
      rpc(core, method, input, {
        token: crew[who].token,
        overrideToken: await overrideFor(method, input, who),
      });

  /** The customer collects: the balance paid in cash, signed for, through the real hand-back. */
  const collect = async (ticket: string, who: Who = 'clerk') => {
    const bill = value(await as(who)('payments.bill', { ticket }));
    const due = Math.max(0, bill.balanceFen);
    return value(
      await as(who)('pickup.save', {
        ticket,
        version: bill.version,
        lines: due > 0 ? [{ method: 'cash', amountFen: due }] : [],
        signature: signaturePng(),
        note: '',
        idempotencyKey: crypto.randomUUID(),
      }),
    );
  };

  /** Time passes; every session locked itself meanwhile, and each owner unlocks it again. */
  const passTime = async (ms: number) => {
    clock.advance(ms);
    for (const person of [clerk, tech, tech2, supervisor, { token: adminToken, pin: adminPin }]) {
      value(await rpc(core, 'auth.unlock', { pin: person.pin }, { token: person.token }));
    }
  };

  return { core, clock, crew, as, withOverride, take, card, today, forceStatus, passTime, collect };
}
