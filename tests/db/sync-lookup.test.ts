import { afterEach, describe, expect, it } from 'vitest';
import { value } from '../helpers/core';
import { enrolCounter, listeningHeadquarters } from '../helpers/hq';
import { phoneIntake } from '../helpers/intake';
import { repairStore } from '../helpers/repair';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});

describe('cross-store lookup', () => {
  it('finds a customer’s tickets at other stores by phone or serial, read-only, with the name masked', async () => {
    const { hq, url } = await listeningHeadquarters();
    open.push(hq);
    const { addStore } = await import('../../server/stores');
    await addStore(hq.db, { code: 'BJ01', name: '北京西单店' }, hq.now());
    const shanghai = await repairStore('SH01');
    const beijing = await repairStore('BJ01');
    await enrolCounter(hq, url, shanghai, 'SH01');
    await enrolCounter(hq, url, beijing, 'BJ01');
    // The same customer (王伟, 138 0013 8000) left a phone in Beijing, and another in Shanghai.
    const inBeijing = await beijing.take({
      customer: { name: '王伟', phones: ['138 0013 8000'] },
      device: { ...phoneIntake().device, purchaseDate: null, serial: 'BJ-SERIAL-0001' },
    });
    await shanghai.take({ customer: { name: '王伟', phones: ['138 0013 8000'] } });
    await beijing.take({ customer: { name: '李娜', phones: ['139 0000 0000'] } });
    value(await beijing.as('clerk')('sync.now', {}));
    value(await shanghai.as('clerk')('sync.now', {}));

    // Back in Beijing later with only a new number given: the old one is still on file there, and
    // at headquarters.
    const { customer_id: customerId } = beijing.core.sqlite
      .prepare('SELECT customer_id FROM tickets WHERE id = ?')
      .get(inBeijing.id) as { customer_id: string };
    const firstReceivedAt = beijing.clock.now();
    await beijing.passTime(3_600_000);
    const again = await beijing.take({
      customer: { id: customerId, name: '王伟', phones: ['137 0000 1234'] },
    });
    value(await beijing.as('clerk')('sync.now', {}));
    const byNewNumber = value(await shanghai.as('clerk')('sync.lookup', { phone: '13700001234' }));
    expect(byNewNumber.map((ticket) => ticket.ticketNo).sort()).toEqual(
      [again.ticketNo, inBeijing.ticketNo].sort(),
    );

    const byPhone = value(await shanghai.as('clerk')('sync.lookup', { phone: '138-0013-8000' }));
    expect(byPhone.map((ticket) => ticket.ticketNo)).toEqual([again.ticketNo, inBeijing.ticketNo]);
    expect(byPhone.at(-1)).toEqual({
      storeCode: 'BJ01',
      storeName: '北京西单店',
      ticketNo: inBeijing.ticketNo,
      status: 'received',
      receivedAt: firstReceivedAt,
      collectedAt: null,
      categoryId: 'phone',
      brand: phoneIntake().device.brand,
      model: phoneIntake().device.model,
      serial: 'BJ-SERIAL-0001',
      reportedFault: phoneIntake().reportedFault,
      customer: '王*',
    });
    // Nothing of the address or the phone travels to another store.
    expect(JSON.stringify(byPhone)).not.toContain('13800138000');
    const bySerial = value(await shanghai.as('clerk')('sync.lookup', { serial: 'bj-serial-0001' }));
    expect(bySerial.map((ticket) => ticket.ticketNo)).toEqual([inBeijing.ticketNo]);
    // Beijing asking finds Shanghai's ticket, never its own.
    const fromBeijing = value(await beijing.as('clerk')('sync.lookup', { phone: '13800138000' }));
    expect(fromBeijing.map((ticket) => ticket.storeCode)).toEqual(['SH01']);
    expect(value(await shanghai.as('clerk')('sync.lookup', { serial: 'NOBODY-HAS-THIS' }))).toEqual([]);

    const badPhone = await shanghai.as('clerk')('sync.lookup', { phone: '12' });
    expect(badPhone.ok || badPhone.error.code).toBe('invalid_input');
    await hq.close();
    open.splice(0);
    const offline = await shanghai.as('clerk')('sync.lookup', { phone: '13800138000' });
    expect(offline.ok || offline.error.code).toBe('offline');
  });

  it('says offline, not an error, when the counter is not linked to headquarters', async () => {
    const store = await repairStore();
    const result = await store.as('clerk')('sync.lookup', { serial: 'ABC123' });
    expect(result.ok || result.error.code).toBe('offline');
  });
});
