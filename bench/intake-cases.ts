import { randomUUID } from 'node:crypto';
import type { DevicesTable } from '../electron/core/db/schema';
import type Database from 'better-sqlite3';
import type { Category } from '../shared/catalogue';
import type { InputOf } from '../shared/contract';
import { intakeInputSchema, type IntakeParsed } from '../shared/intake';
import { categoryWeights, DeviceMaker, type DeviceSpec } from '../scripts/seed/devices';
import { faultFor } from '../scripts/seed/faults';
import { customerAddress, customerName, customerNotes, PhoneBook } from '../scripts/seed/names';
import type { Random } from '../scripts/seed/random';
import { dealFor } from '../scripts/seed/ticket-terms';
import { dateOf, dayNumber } from '../scripts/seed/calendar';

type Input = InputOf<'tickets.create'>;

/**
 * Varied, valid intakes for the bench: about 60% new customers with new devices, the rest returning
 * customers (sampled from the database) with a new device or one of theirs back again. Each case also
 * carries a phone and serial no one has, for the bare-insert twin of the same rows.
 */
export type IntakeCase = {
  input: Input;
  /** The same input as the contract parses it (what the bare inserts write from). */
  parsed: IntakeParsed;
  /** Null for a new customer / device; else the existing row the intake reuses. */
  customerId: string | null;
  deviceId: string | null;
  raw: { phone: string; serial: string | null };
};

type ExistingDevice = Pick<
  DevicesTable,
  'id' | 'category_id' | 'brand' | 'model' | 'colour' | 'serial' | 'purchase_date'
>;

const newDevice = (spec: DeviceSpec, purchaseDate: string): Input['device'] => ({
  ...spec,
  serial: spec.serial ?? '',
  purchaseDate,
});

export function makeIntakeCases(
  sqlite: Database.Database,
  random: Random,
  categories: Category[],
  today: string,
  count: number,
): IntakeCase[] {
  const phoneTaken = sqlite.prepare('SELECT 1 FROM customer_phones WHERE phone = ?').pluck();
  const serialTaken = sqlite.prepare('SELECT 1 FROM devices WHERE serial = ?').pluck();
  // Numbers outside the seed's 13x/15x/18x ranges, checked against the database anyway.
  const phones = new PhoneBook(random, ['170', '171', '173', '176', '177', '178', '199']);
  const makers = new DeviceMaker(random, '99');
  const freshPhone = (): string => {
    for (;;) {
      const phone = phones.next();
      if (!phoneTaken.get(phone)) return phone;
    }
  };
  const freshDevice = (categoryId: string) => {
    for (;;) {
      const device = makers.device(categoryId);
      if (!device.serial || !serialTaken.get(device.serial)) return device;
    }
  };
  const maxCustomer = (sqlite.prepare('SELECT max(rowid) FROM customers').pluck().get() as number) ?? 0;
  const customerAt = sqlite.prepare('SELECT id, name FROM customers WHERE rowid = ?');
  const phoneOf = sqlite.prepare('SELECT phone FROM customer_phones WHERE customer_id = ? LIMIT 1').pluck();
  const devicesOf = sqlite.prepare(
    'SELECT id, category_id, brand, model, colour, serial, purchase_date FROM devices WHERE customer_id = ?',
  );
  const byId = new Map(categories.map((c) => [c.id, c]));

  const cases: IntakeCase[] = [];
  while (cases.length < count) {
    let customer: Input['customer'] = {
      name: customerName(random),
      phones: [freshPhone()],
      address: customerAddress(random),
      notes: customerNotes(random),
    };
    let customerId: string | null = null;
    let existing: ExistingDevice | undefined;
    if (maxCustomer > 0 && random.chance(0.4)) {
      const row = customerAt.get(random.int(1, maxCustomer)) as { id: string; name: string } | undefined;
      const phone = row && (phoneOf.get(row.id) as string | undefined);
      if (!row || !phone) continue;
      customer = { name: row.name, phones: [phone] };
      customerId = row.id;
      if (random.chance(0.5)) existing = random.pick(devicesOf.all(row.id) as ExistingDevice[]);
    }
    const device: Input['device'] = existing
      ? {
          id: existing.id,
          categoryId: existing.category_id,
          brand: existing.brand,
          model: existing.model,
          colour: existing.colour,
          serial: existing.serial ?? '',
          purchaseDate: existing.purchase_date,
        }
      : newDevice(freshDevice(categoryWeights.draw(random)), dateOf(dayNumber(today) - random.int(0, 700)));
    const category = byId.get(device.categoryId) as Category;
    const fault = faultFor(random, category);
    const deal = dealFor(random, {
      categoryId: category.id,
      suggested: 'A',
      reRepair: false,
      businessDate: today,
    });
    const input: Input = {
      idempotencyKey: randomUUID(),
      customer,
      device,
      ...fault,
      serviceType: deal.serviceType,
      // The 三包 suggestion is not known here; a reason lets any choice through, as a clerk's would.
      serviceTypeReason: deal.serviceTypeReason || '按客户要求',
      estimateFen: deal.estimateFen,
      diagnosisFeeFen: deal.diagnosisFeeFen,
      costLimitFen: deal.costLimitFen,
      deposit: deal.deposit as Input['deposit'],
      promisedDate: deal.promisedDate,
      priority: deal.priority,
      shelfLocation: deal.shelfLocation,
    };
    cases.push({
      input,
      parsed: intakeInputSchema.parse(input),
      customerId,
      deviceId: existing?.id ?? null,
      raw: { phone: freshPhone(), serial: freshDevice(device.categoryId).serial },
    });
  }
  return cases;
}
