import { randomUUID } from 'node:crypto';
import type { InputOf } from '../../shared/contract';
import { value } from './core';
import { Random } from '../../scripts/seed/random';
import { repairStore } from './repair';

const hour = 3_600_000;
const day = 24 * hour;
const key = () => randomUUID();

const products = [
  { categoryId: 'phone', brand: 'Huawei', model: 'Mate 60 Pro' },
  { categoryId: 'phone', brand: 'Apple', model: 'iPhone 13' },
  { categoryId: 'phone', brand: 'Xiaomi', model: '小米 14' },
];

/**
 * Weeks of a store's work through the real methods: phones taken in (three products, service types
 * A/B/D, some deposits), diagnosed, worked on by one or two technicians, some failing their check
 * first, parts fitted (one put back), checked, handed back after a while (some left waiting), some
 * devices back again days or weeks later; every hand-back called back and rated, two complaints.
 */
export async function storeWithHistory(storeCode = 'SH01') {
  const store = await repairStore(storeCode);
  const { as, core } = store;
  // The seed generator's own PRNG: the history varies, and is the same every run.
  const seeded = new Random(20261123);
  const random = () => seeded.float();
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const version = (id: string) =>
    core.sqlite.prepare('SELECT version FROM tickets WHERE id = ?').pluck().get(id) as number;
  value(await as('supervisor')('settings.update', { followUpSharePercent: 100 }));
  const part = value(
    await as('supervisor')('parts.save', {
      sku: 'SCR-1',
      name: '屏幕总成',
      costFen: 30000,
      priceFen: 38000,
      reorderLevel: 1,
    }),
  );
  value(await as('clerk')('parts.receive', { requestId: key(), partId: part.id, quantity: 20, note: '' }));

  const repair = async (ticketId: string, fitPart: boolean) => {
    value(
      await as('tech')('repair.diagnose', {
        ticket: ticketId,
        version: version(ticketId),
        diagnosis: '屏幕排线松动',
        estimateFen: 20000,
        next: 'in_repair',
      }),
    );
    await store.passTime(Math.floor(random() * 40 + 1) * hour);
    value(
      await as('tech')('repair.logLabour', {
        ticket: ticketId,
        minutes: Math.floor(random() * 90) + 10,
        note: '',
      }),
    );
    if (random() < 0.5) {
      value(
        await as('tech2')('repair.logLabour', {
          ticket: ticketId,
          minutes: Math.floor(random() * 60) + 5,
          note: '',
        }),
      );
    }
    if (fitPart) {
      value(
        await as('tech')('repair.usePart', {
          requestId: key(),
          ticket: ticketId,
          partId: part.id,
          quantity: 2,
          oldPart: 'returned',
        }),
      );
      // One of the two was not needed: it goes back on the same ticket.
      value(await as('tech')('parts.unuse', { requestId: key(), ticketId, partId: part.id, quantity: 1 }));
    }
    const finish = () =>
      as('tech')('repair.finish', {
        ticket: ticketId,
        version: version(ticketId),
        actionTaken: '更换排线',
        qcPassed: true,
        note: '',
      });
    value(await finish());
    if (random() < 0.3) {
      value(
        await as('supervisor')('repair.check', {
          ticket: ticketId,
          version: version(ticketId),
          passed: false,
          note: '仍有闪烁',
        }),
      );
      value(await as('tech2')('repair.logLabour', { ticket: ticketId, minutes: 15, note: '返工' }));
      value(await finish());
    }
    value(
      await as('supervisor')('repair.check', {
        ticket: ticketId,
        version: version(ticketId),
        passed: true,
        note: '',
      }),
    );
  };

  /** Devices taken in so far, by serial: one that comes back is the same product. */
  const seen: { serial: string; product: (typeof products)[number] }[] = [];
  // Two repair calls: one answered within the hour and taken in as the first ticket, one never
  // answered and cancelled days later.
  const phoned = { customerName: '赵磊', customerPhone: '13912345678', fault: '充不进电' };
  const takenIn = value(await as('clerk')('repairCalls.log', { ...phoned, idempotencyKey: key() }));
  await store.passTime(hour / 2);
  value(await as('clerk')('repairCalls.answer', { id: takenIn.id, version: 1, answer: '请带机器到店' }));
  const dropped = value(await as('clerk')('repairCalls.log', { ...phoned, idempotencyKey: key() }));
  let firstCall: string | undefined = takenIn.id;

  for (let i = 0; i < 14; i++) {
    const again = i >= 4 && random() < 0.35 ? pick(seen) : undefined;
    const product = again?.product ?? pick(products);
    const overrides: Partial<InputOf<'tickets.create'>> = {
      serviceType: pick(['A', 'B', 'D'] as const),
      serviceTypeReason: '测试',
      ...(firstCall ? { repairCallId: firstCall } : {}),
      ...(random() < 0.4
        ? { deposit: { amountFen: 5000, method: pick(['wechat', 'alipay', 'card'] as const) } }
        : {}),
    };
    const ticket = await store.take(
      again
        ? { ...overrides, device: { ...product, serial: again.serial } }
        : { ...overrides, device: product },
    );
    firstCall = undefined;
    if (!again) seen.push({ serial: ticket.device.serial ?? '', product });
    await repair(ticket.id, random() < 0.4);
    await store.passTime(Math.floor(random() * 30 + 1) * hour);
    if (random() < 0.85) {
      await store.collect(ticket.id);
      // The devices come back (or not) after a few days to a few weeks.
      await store.passTime(Math.floor(random() * 20 + 1) * day);
    }
  }
  value(await as('clerk')('repairCalls.cancel', { id: dropped.id, version: 1, reason: '客户已自行修好' }));
  // Every hand-back is called back: most reached and rated.
  const queue = value(await as('clerk')('followups.queue', {}));
  for (const followUp of queue) {
    const reached = random() < 0.8;
    value(
      await as('clerk')('followups.record', {
        followUpId: followUp.id,
        reached,
        ...(reached ? { satisfaction: Math.floor(random() * 3) + 3 } : {}),
        idempotencyKey: key(),
      }),
    );
  }
  const complaint = value(
    await as('clerk')('complaints.log', {
      source: 'counter',
      customerName: '李娜',
      customerPhone: '13900139000',
      summary: '等待时间太长',
      idempotencyKey: key(),
    }),
  );
  value(
    await as('clerk')('complaints.reply', { id: complaint.id, version: complaint.version, reply: '已致歉' }),
  );
  value(
    await as('clerk')('complaints.log', {
      source: 'call',
      customerName: '张伟',
      customerPhone: '13700137000',
      summary: '屏幕又坏了',
      idempotencyKey: key(),
    }),
  );
  await store.passTime(2 * day); // the second complaint's reply is now late
  return store;
}
