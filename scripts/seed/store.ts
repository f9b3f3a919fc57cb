import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import type { Core } from '../../electron/core/core';
import { dispatch, type CallMeta } from '../../electron/core/dispatch';
import { adminPin, storeInput as setupInput } from '../../tests/helpers/sample-store';

/**
 * The seeded store and its people, made through the app's own methods (setup.create, auth.signIn,
 * staff.create) exactly as a new counter would be: store SH01 in Asia/Shanghai, admin PIN 2468.
 */

/** The same store the tests start from. */
export { adminPin, setupInput };

/**
 * Staff the seed adds; the bench signs in as the first clerk (and as each technician for "my jobs").
 * `jobShare` is how much of the repair work a technician takes; `english` ones write their repair
 * notes in English.
 */
export const seedStaff: {
  name: string;
  role: Role;
  pin: string;
  intakeShare: number;
  jobShare?: number;
  english?: boolean;
}[] = [
  { name: '李婷', role: 'clerk', pin: '1357', intakeShare: 40 },
  { name: '陈静', role: 'clerk', pin: '1358', intakeShare: 30 },
  { name: 'Emily Zhao', role: 'clerk', pin: '1359', intakeShare: 15 },
  { name: '周店长', role: 'supervisor', pin: '3579', intakeShare: 8 },
  { name: '张师傅', role: 'technician', pin: '2001', intakeShare: 0, jobShare: 30 },
  { name: '刘工', role: 'technician', pin: '2002', intakeShare: 0, jobShare: 25 },
  { name: '王建华', role: 'technician', pin: '2003', intakeShare: 0, jobShare: 20 },
  { name: '赵磊', role: 'technician', pin: '2004', intakeShare: 0, jobShare: 15 },
  { name: 'Kevin Wu', role: 'technician', pin: '2005', intakeShare: 0, jobShare: 10, english: true },
];

/** Calls a method through the real dispatcher; any refusal stops the seed. */
export async function call<M extends MethodName>(
  core: Core,
  method: M,
  input: InputOf<M>,
  meta: CallMeta = {},
): Promise<OutputOf<M>> {
  const result = await dispatch(core, method, input, meta);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as OutputOf<M>;
}

export type SeededStore = {
  id: string;
  code: string;
  timeZone: string;
  /** Who receives devices at the counter, with their share of intakes. */
  receivers: (readonly [string, number])[];
  /** Who repairs (and takes devices to the workshop and back), with their share of the jobs. */
  technicians: (readonly [string, number])[];
  /** Who may dispose of a device (goods.dispose), check repairs and assign them. */
  supervisors: string[];
  /** Every seeded person's role and name, by id (the history's acts are checked against the roles). */
  staff: Record<string, { role: Role; name: string }>;
  /** Technicians who write their repair notes in English. */
  english: string[];
};

/** Sets the store up if it is not yet, and adds the seed's staff who are missing. */
export async function prepareStore(core: Core): Promise<SeededStore> {
  if (!core.storeId) await call(core, 'setup.create', setupInput);
  const roster = await call(core, 'auth.roster', {});
  const admin = roster.find((staff) => staff.role === 'admin');
  if (!admin) throw new Error('The store has no active admin');
  const { token } = await call(core, 'auth.signIn', { staffId: admin.id, pin: adminPin }).catch(() => {
    throw new Error(`Cannot sign in as ${admin.name} with PIN ${adminPin}; seed a fresh --data-dir`);
  });
  const receivers: [string, number][] = [[admin.id, 7]];
  const technicians: [string, number][] = [];
  const supervisors = [admin.id];
  const staff: SeededStore['staff'] = { [admin.id]: { role: 'admin', name: admin.name } };
  const english: string[] = [];
  for (const person of seedStaff) {
    const existing = roster.find((staff) => staff.name === person.name);
    const id =
      existing?.id ??
      (await call(core, 'staff.create', { name: person.name, role: person.role, pin: person.pin }, { token }))
        .id;
    staff[id] = { role: person.role, name: person.name };
    if (person.intakeShare > 0) receivers.push([id, person.intakeShare]);
    if (person.role === 'technician') technicians.push([id, person.jobShare ?? 10]);
    if (person.role === 'supervisor') supervisors.push(id);
    if (person.english) english.push(id);
  }
  await call(core, 'auth.signOut', {}, { token });
  const store = core.sqlite
    .prepare('SELECT id, code, time_zone FROM stores WHERE id = ?')
    .get(core.storeId) as { id: string; code: string; time_zone: string };
  return {
    id: store.id,
    code: store.code,
    timeZone: store.time_zone,
    receivers,
    technicians,
    supervisors,
    staff,
    english,
  };
}
