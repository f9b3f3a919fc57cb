import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { contract, type InputOf, type MethodName, type OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { Core } from '../../electron/core/core';
import { dispatch, type CallMeta } from '../../electron/core/dispatch';
import { adminPin, storeInput } from './sample-store';

export { adminPin, storeInput };

export const tempDir = (prefix = 'rc-test-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A controllable clock: tests move time forward instead of sleeping. */
export const manualClock = (start = Date.UTC(2026, 10, 22, 9, 0, 0)) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

export async function openTestCore(options: { dataDir?: string; now?: () => number } = {}): Promise<Core> {
  return Core.open({ dataDir: options.dataDir ?? tempDir(), appVersion: '0.0.0-test', now: options.now });
}

/**
 * Calls a method exactly as IPC and HTTP do, through the real dispatcher, and checks the answer
 * against the contract's output schema: a handler returning a field the contract does not declare
 * (a PIN hash, say) fails every test that calls it.
 */
export async function rpc<M extends MethodName>(
  core: Core,
  method: M,
  input: InputOf<M>,
  meta: CallMeta = {},
) {
  const result = (await dispatch(core, method, input, meta)) as Result<OutputOf<M>>;
  if (result.ok) {
    const parsed = contract[method].output.safeParse(result.value);
    if (!parsed.success || !isDeepStrictEqual(parsed.data, result.value)) {
      throw new Error(
        `${method} answered outside its contract: ${JSON.stringify(result.value).slice(0, 300)}`,
      );
    }
  }
  return result;
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A set-up store with a signed-in admin. */
export async function setUpStore(core: Core, storeCode = storeInput.store.code) {
  const input = { ...storeInput, store: { ...storeInput.store, code: storeCode } };
  const { adminId, storeId } = value(await rpc(core, 'setup.create', input));
  const { token } = value(await rpc(core, 'auth.signIn', { staffId: adminId, pin: adminPin }));
  return { adminId, storeId, adminToken: token };
}

export async function addStaff(
  core: Core,
  adminToken: string,
  role: 'clerk' | 'technician' | 'supervisor' | 'admin',
  pin = '1357',
) {
  const staff = value(
    await rpc(core, 'staff.create', { name: `${role}-${pin}`, role, pin }, { token: adminToken }),
  );
  const { token } = value(await rpc(core, 'auth.signIn', { staffId: staff.id, pin }));
  return { id: staff.id, token, pin };
}

/** Row counts of the tables a refused call must leave alone. */
const countedTables = [
  'stores',
  'staff',
  'staff_pin_attempts',
  'settings',
  'audit_log',
  'outbox',
  'meta',
] as const;

export function tableCounts(core: Core): Record<(typeof countedTables)[number], number> {
  const tables = countedTables;
  return Object.fromEntries(
    tables.map((table) => [
      table,
      (core.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    ]),
  ) as Record<(typeof countedTables)[number], number>;
}

/** Total rows changed by this connection since it opened: unchanged means nothing was written. */
export const totalChanges = (core: Core): number =>
  (core.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
