import { describe, expect, it, vi } from 'vitest';
import { openTestCore, setUpStore, tableCounts, totalChanges } from '../helpers/core';

const ipc = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, message: unknown) => Promise<unknown>>(),
}));

vi.mock('electron', () => ({
  ipcMain: { handle: vi.fn((channel: string, handler: never) => ipc.handlers.set(channel, handler)) },
}));

const { registerRpc, senderIs } = await import('../../electron/main/ipc');

const ourWindowId = 7;
const topFrame = { parent: null };
const fromOurWindow = { sender: { id: ourWindowId }, senderFrame: topFrame };

async function setUp() {
  const core = await openTestCore();
  const { adminToken } = await setUpStore(core);
  ipc.handlers.clear();
  registerRpc(
    () => core,
    senderIs(() => ourWindowId),
  );
  const handler = ipc.handlers.get('rpc');
  if (!handler) throw new Error('rpc channel not registered');
  return { core, adminToken, handler };
}

describe('the rpc channel', () => {
  it('answers our window with a Result', async () => {
    const { handler, adminToken } = await setUp();
    expect(await handler(fromOurWindow, { method: 'store.get', input: {}, token: adminToken })).toMatchObject(
      { ok: true, value: { code: 'SH01' } },
    );
  });

  it('refuses an unknown sender and a sub-frame of our window, without running the call', async () => {
    const { core, handler, adminToken } = await setUp();
    const before = totalChanges(core);
    const call = {
      method: 'staff.create',
      input: { name: '入侵者', role: 'admin', pin: '1234' },
      token: adminToken,
    };
    expect(await handler({ sender: { id: 99 }, senderFrame: topFrame }, call)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await handler({ sender: { id: ourWindowId }, senderFrame: { parent: topFrame } }, call),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(totalChanges(core)).toBe(before);
  });

  it('refuses invalid input before it reaches the database', async () => {
    const { core, handler, adminToken } = await setUp();
    const counts = tableCounts(core);
    const changes = totalChanges(core);
    const refusals = [
      { method: 'staff.create', input: { name: 'x', role: 'overlord', pin: '1234' }, token: adminToken },
      { method: 'staff.create', input: { name: 'x', role: 'clerk', pin: '12ab' }, token: adminToken },
      {
        method: 'staff.create',
        input: { name: 'x', role: 'clerk', pin: '1234', isRoot: true },
        token: adminToken,
      },
      { method: 'settings.update', input: { backupKeep: -1 }, token: adminToken },
      { method: 42, input: {} },
      null,
    ];
    for (const message of refusals) {
      expect(await handler(fromOurWindow, message), JSON.stringify(message)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(
      await handler(fromOurWindow, { method: 'staff.drop', input: {}, token: adminToken }),
    ).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(
      await handler(fromOurWindow, {
        method: 'settings.update',
        input: { receiptTerms: 'x'.repeat(1_100_000) },
        token: adminToken,
      }),
    ).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    expect(tableCounts(core)).toEqual(counts);
    expect(totalChanges(core)).toBe(changes);
  });
});
