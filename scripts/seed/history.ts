import type { Category } from '../../shared/catalogue';
import { assessWarranty, type PriorRepair, type WarrantyPolicy } from '../../shared/warranty';
import { dateOf, dayNumber, type Zone } from './calendar';
import { categoryWeights, DeviceMaker, type DeviceSpec } from './devices';
import { faultFor, type FaultSpec } from './faults';
import { customerAddress, customerName, customerNotes, PhoneBook } from './names';
import { Weighted, type Random } from './random';
import { dealFor, statusFor, type Deal, type Route } from './ticket-terms';

/**
 * The store's history, one intake at a time in time order: who came in (new or returning customer,
 * about 1.6 tickets each), with which device (new, or one of theirs back again, sometimes within the
 * re-repair window), what was wrong, what 三包 said, and how the ticket ended.
 */

export type NewCustomer = { id: string; name: string; address: string; notes: string; phones: string[] };
export type NewDevice = DeviceSpec & { id: string; customerId: string; purchaseDate: string | null };

/** One intake; plain nested objects, no spreads (this runs a million times). */
export type Intake = {
  id: string;
  at: number;
  businessDate: string;
  customerId: string;
  deviceId: string;
  categoryId: string;
  brand: string;
  model: string;
  newCustomer: NewCustomer | null;
  newDevice: NewDevice | null;
  fault: FaultSpec;
  deal: Deal;
  warrantyPart: string;
  userDamage: boolean;
  warranty: string;
  reRepairOf: string | null;
  /** Where the ticket stands at the end of the history, and how its repair went (ticket-terms.ts). */
  status: string;
  route: Route;
  collectedAt: number | null;
  staffId: string;
};

type CustomerState = { id: string; devices: number[] };
type DeviceState = {
  id: string;
  categoryId: string;
  brand: string;
  model: string;
  purchaseDate: string | null;
  lastTicketId: string;
  lastCollectedAt: number | null;
  history: PriorRepair[];
};

export type HistoryOptions = {
  random: Random;
  zone: Zone;
  categories: Category[];
  policies: WarrantyPolicy[];
  /** Staff who receive devices at the counter, with how often each does. */
  receivers: (readonly [string, number])[];
  /** The instant the history ends: nothing is collected after it. */
  end: number;
};

export class History {
  private readonly customers: CustomerState[] = [];
  private readonly devices: DeviceState[] = [];
  private readonly phones: PhoneBook;
  private readonly maker: DeviceMaker;
  private readonly receivers: Weighted<string>;
  private readonly categories: Map<string, Category>;
  private readonly policies: Map<string, WarrantyPolicy>;

  constructor(private readonly options: HistoryOptions) {
    this.phones = new PhoneBook(options.random);
    this.maker = new DeviceMaker(options.random);
    this.receivers = new Weighted(options.receivers);
    this.categories = new Map(options.categories.map((c) => [c.id, c]));
    this.policies = new Map(options.policies.map((p) => [p.id, p]));
  }

  /** One intake at instant `at` on business date `businessDate`. */
  next(at: number, businessDate: string): Intake {
    const { random } = this.options;
    const id = random.uuid7(at);
    let newCustomer: NewCustomer | null = null;
    let customer: CustomerState;
    const count = this.customers.length;
    if (count > 0 && random.chance(0.375)) {
      const recent = random.chance(0.4);
      const index = recent ? count - 1 - random.int(0, Math.min(count - 1, 2000)) : random.int(0, count - 1);
      customer = this.customers[index] as CustomerState;
    } else {
      newCustomer = this.newCustomer(at);
      customer = { id: newCustomer.id, devices: [] };
      this.customers.push(customer);
    }

    let device: DeviceState | undefined;
    let newDevice: NewDevice | null = null;
    if (customer.devices.length > 0 && random.chance(0.45)) {
      const candidate = this.devices[random.pick(customer.devices)];
      // Only a device the customer has taken home can come back.
      if (candidate && candidate.lastCollectedAt !== null && candidate.lastCollectedAt < at)
        device = candidate;
    }
    if (!device) {
      const spec = this.maker.device(categoryWeights.draw(random));
      newDevice = spec as NewDevice;
      newDevice.id = random.uuid7(at);
      newDevice.customerId = customer.id;
      newDevice.purchaseDate = this.purchaseDate(businessDate);
      device = {
        id: newDevice.id,
        categoryId: spec.categoryId,
        brand: spec.brand,
        model: spec.model,
        purchaseDate: newDevice.purchaseDate,
        lastTicketId: '',
        lastCollectedAt: null,
        history: [],
      };
      customer.devices.push(this.devices.length);
      this.devices.push(device);
    }

    const category = this.categories.get(device.categoryId) as Category;
    const fault = faultFor(random, category);
    const warrantyPart =
      device.categoryId === 'phone' && fault.faultCodes.includes('battery') ? 'battery' : '';
    const userDamage =
      fault.faultCodes.includes('liquid') ||
      (fault.condition.screen_cracked === 'damaged' && random.chance(0.3));
    const policy = this.policies.get(category.warrantyPolicyId) as WarrantyPolicy;
    const warranty = assessWarranty({
      policy,
      purchaseDate: device.purchaseDate,
      today: businessDate,
      part: warrantyPart || undefined,
      userDamage,
      priorRepairs: device.history,
      replacements: [],
    });
    const last = device.history.at(-1);
    const today = dayNumber(businessDate);
    const reRepair = last?.handedBack && today - dayNumber(last.handedBack) <= policy.reRepairDays;
    const deal = dealFor(random, {
      categoryId: device.categoryId,
      suggested: warranty.suggestedServiceType,
      reRepair: Boolean(reRepair),
      businessDate,
    });
    const { status, route, collectedAt } = statusFor(random, at, this.options.end, this.options.zone, deal);

    device.history.push({
      droppedOff: businessDate,
      // As the app reads it: only a collection sets collected_at (a cancelled ticket's hand-back does not).
      handedBack:
        collectedAt === null || route === 'cancelled' ? null : this.options.zone.dateAt(collectedAt),
      warrantyRepair: deal.serviceType === 'C',
    });
    const reRepairOf = reRepair ? device.lastTicketId : null;
    device.lastTicketId = id;
    device.lastCollectedAt = collectedAt;

    return {
      id,
      at,
      businessDate,
      customerId: customer.id,
      deviceId: device.id,
      categoryId: device.categoryId,
      brand: device.brand,
      model: device.model,
      newCustomer,
      newDevice,
      fault,
      deal,
      warrantyPart,
      userDamage,
      warranty: JSON.stringify(warranty),
      reRepairOf,
      status,
      route,
      collectedAt,
      staffId: this.receivers.draw(random),
    };
  }

  private newCustomer(at: number): NewCustomer {
    const { random } = this.options;
    const phones = random.chance(0.25) ? [this.phones.next(), this.phones.next()] : [this.phones.next()];
    return {
      id: random.uuid7(at),
      name: customerName(random),
      address: customerAddress(random),
      notes: customerNotes(random),
      phones,
    };
  }

  /** One in eight has no proof of purchase; of the rest most are inside a year (C is the usual case). */
  private purchaseDate(businessDate: string): string | null {
    const { random } = this.options;
    if (random.chance(0.12)) return null;
    const r = random.float();
    const daysBack = r < 0.04 ? random.int(0, 15) : r < 0.68 ? random.int(16, 355) : random.int(361, 1500);
    return dateOf(dayNumber(businessDate) - daysBack);
  }
}
