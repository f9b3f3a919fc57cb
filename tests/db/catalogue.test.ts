import { describe, expect, it } from 'vitest';
import { addStaff, openTestCore, rpc, setUpStore, tableCounts, value } from '../helpers/core';
import { phoneIntake } from '../helpers/intake';

describe('the catalogue', () => {
  it('starts with the default categories and 三包 policies', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const catalogue = value(await rpc(core, 'catalogue.get', {}, { token: adminToken }));
    expect(catalogue.categories.map((c) => c.id)).toEqual([
      'phone',
      'tablet',
      'laptop',
      'tv',
      'washing_machine',
      'air_conditioner',
      'other',
    ]);
    expect(catalogue.policies.map((p) => p.id)).toEqual(['general', 'household_appliance', 'mobile_phone']);
  });

  it("an admin's edit changes what intake requires", async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const phone = value(await rpc(core, 'catalogue.get', {}, { token: adminToken })).categories.find(
      (c) => c.id === 'phone',
    );
    if (!phone) throw new Error('no phone category');
    value(
      await rpc(
        core,
        'catalogue.saveCategory',
        { ...phone, requiredFields: [...phone.requiredFields, 'shelfLocation'] },
        { token: adminToken },
      ),
    );
    const refused = await rpc(core, 'tickets.create', phoneIntake({ shelfLocation: '' }), {
      token: adminToken,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { shelfLocation: 'required' } },
    });
    expect(
      core.sqlite
        .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'catalogue.saveCategory'")
        .get(),
    ).toEqual({ n: 1 });
  });

  it('adds a category, refusing bad keys, unknown policies and non-admins, writing nothing', async () => {
    const core = await openTestCore();
    const { adminToken } = await setUpStore(core);
    const clerk = await addStaff(core, adminToken, 'clerk');
    const drone = {
      id: 'drone',
      nameZh: '无人机',
      nameEn: 'Drone',
      warrantyPolicyId: 'general',
      requiredFields: ['serial' as const],
      checklist: [{ key: 'propellers', zh: '螺旋桨', en: 'Propellers' }],
      accessories: [{ key: 'controller', zh: '遥控器', en: 'Controller' }],
      faultCodes: [{ key: 'gimbal', zh: '云台故障', en: 'Gimbal fault' }],
      warrantyParts: [{ key: 'whole', zh: '整机', en: 'Whole unit' }],
      active: true,
    };
    const before = tableCounts(core);
    expect(await rpc(core, 'catalogue.saveCategory', drone, { token: clerk.token })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await rpc(core, 'catalogue.saveCategory', { ...drone, id: 'Drone X' }, { token: adminToken }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(
      await rpc(
        core,
        'catalogue.saveCategory',
        { ...drone, warrantyPolicyId: 'lifetime' },
        { token: adminToken },
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { warrantyPolicyId: 'unknown_key' } },
    });
    expect(tableCounts(core)).toEqual(before);
    value(await rpc(core, 'catalogue.saveCategory', drone, { token: adminToken }));
    const ticket = value(
      await rpc(
        core,
        'tickets.create',
        phoneIntake({
          device: { categoryId: 'drone', serial: 'DJI-1' },
          faultCodes: ['gimbal'],
          condition: { propellers: 'ok' },
          accessories: ['controller'],
          serviceType: 'A',
        }),
        { token: adminToken },
      ),
    );
    expect(ticket.device.categoryId).toBe('drone');
  });
});
