import { describe, expect, it } from 'vitest';
import { recordChange } from '../../electron/core/changes';
import type { Ctx } from '../../electron/core/context';
import { openTestCore, rpc, setUpStore, tableCounts, value } from '../helpers/core';

describe('audit entry and outbox row travel with the change', () => {
  it('a successful change writes both, naming who made it', async () => {
    const core = await openTestCore();
    const { adminId, adminToken } = await setUpStore(core);
    const before = tableCounts(core);
    const staff = value(
      await rpc(
        core,
        'staff.create',
        { name: '李技师', role: 'technician', pin: '5555' },
        { token: adminToken },
      ),
    );
    const after = tableCounts(core);
    expect(after.staff).toBe(before.staff + 1);
    expect(after.outbox).toBe(before.outbox + 1);
    const audit = core.sqlite
      .prepare("SELECT staff_id, entity_id FROM audit_log WHERE action = 'staff.create'")
      .get();
    expect(audit).toEqual({ staff_id: adminId, entity_id: staff.id });
    const outbox = core.sqlite
      .prepare('SELECT entity, payload FROM outbox WHERE entity_id = ?')
      .get(staff.id) as { entity: string; payload: string };
    expect(outbox.entity).toBe('staff');
    expect(JSON.parse(outbox.payload)).toMatchObject({ id: staff.id, name: '李技师', role: 'technician' });
  });

  it('a change that fails after recording leaves neither audit entry nor outbox row', async () => {
    const core = await openTestCore();
    await setUpStore(core);
    const before = tableCounts(core);
    const ctx: Ctx = { core, session: null, overrideBy: null };
    await expect(
      core.db.transaction().execute(async (trx) => {
        await trx.updateTable('stores').set({ name: '改名' }).execute();
        await recordChange(trx, ctx, {
          action: 'store.update',
          entity: 'stores',
          entityId: 'x',
          row: { name: '改名' },
        });
        throw new Error('the disk filled up');
      }),
    ).rejects.toThrow('the disk filled up');
    expect(tableCounts(core)).toEqual(before);
    expect(core.sqlite.prepare('SELECT name FROM stores').get()).toEqual({ name: '上海南京路店' });
  });

  it('a service refused mid-transaction (demoting the last admin) writes nothing', async () => {
    const core = await openTestCore();
    const { adminId, adminToken } = await setUpStore(core);
    const before = tableCounts(core);
    const result = await rpc(core, 'staff.update', { id: adminId, role: 'clerk' }, { token: adminToken });
    expect(result).toMatchObject({ ok: false, error: { code: 'last_admin' } });
    expect(tableCounts(core)).toEqual(before);
    expect(core.sqlite.prepare('SELECT role FROM staff WHERE id = ?').get(adminId)).toEqual({
      role: 'admin',
    });
  });
});
