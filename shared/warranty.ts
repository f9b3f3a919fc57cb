import { addDays, addMonths, daysBetween, type CalendarDate } from './dates';

/**
 * 三包 (repair, replace, refund) as pure functions over editable policy data. Nothing here knows a
 * category by name: the regulations' numbers live in the policies, which a store or headquarters can
 * edit.
 *
 * Counting days: a period does not count the day it starts on (Civil Code art. 201), so "within 7
 * days" of a sale on 11-01 runs through 11-08, and days 8-15 are 11-09 to 11-16.
 */
export type WarrantyPolicy = {
  id: string;
  /** A performance fault within this many days: refund, replace or repair, the customer's choice. */
  refundDays: number;
  /** Within this many days: replace or repair. */
  replaceDays: number;
  /** Free-repair period per part; `defaultPart` applies when the fault's part is not listed. */
  partMonths: Record<string, number>;
  defaultPart: string;
  /** After this many warranty repairs that left the fault, the customer gets a replacement... */
  maxFailedRepairs: number;
  /** ...or a refund too, where the policy allows it (general goods: yes; phones: replacement only). */
  refundAfterFailedRepairs: boolean;
  /** No parts this many days after drop-off: replacement. */
  partsWaitDays: number;
  /** A fault back within this many days of hand-back is a re-repair: free, warranty not restarted. */
  reRepairDays: number;
  /** Parts never covered (casing, antenna, keypad for phones). */
  excludedParts: string[];
};

export type PriorRepair = {
  droppedOff: CalendarDate;
  /** Null while the device is still in the store. */
  handedBack: CalendarDate | null;
  /** A warranty repair of a performance fault: these count towards "two failed repairs". */
  warrantyRepair: boolean;
};

export type WarrantyCase = {
  policy: WarrantyPolicy;
  /** Null when the customer has no proof of purchase. */
  purchaseDate: CalendarDate | null;
  today: CalendarDate;
  part?: string;
  /** Damage caused by the user (drops, liquid, unauthorised repair) is never covered. */
  userDamage?: boolean;
  priorRepairs: PriorRepair[];
  /** Replacements under 三包: the newest restarts the warranty. */
  replacements: CalendarDate[];
  /** For a device already in the store: the day it came in and whether it waits for parts. */
  awaitingPartsSince?: CalendarDate;
};

export type Outcome = 'refund' | 'replace' | 'free_repair' | 'paid_repair';

export type Reason =
  | { code: 'no_proof_of_purchase' }
  | { code: 'user_damage' }
  | { code: 'excluded_part'; part: string }
  | { code: 'within_refund_days'; day: number; limit: number }
  | { code: 'within_replace_days'; day: number; limit: number }
  | { code: 'within_warranty'; until: CalendarDate; part: string; extendedDays: number }
  | { code: 'warranty_expired'; on: CalendarDate; part: string }
  | { code: 're_repair'; handedBack: CalendarDate; day: number; limit: number }
  | { code: 'failed_repairs'; count: number; limit: number }
  | { code: 'parts_wait_exceeded'; days: number; limit: number };

export type Entitlement = {
  /** What the customer may choose, best first. */
  outcomes: Outcome[];
  /** A: paid service; C: free warranty service. */
  suggestedServiceType: 'A' | 'C';
  reasons: Reason[];
  /** The day the warranty clock starts: purchase, or the newest replacement. */
  warrantyStart: CalendarDate | null;
  /** The warranty's end for this part, extended by time in repair. */
  warrantyEnd: CalendarDate | null;
};

const paid = (reasons: Reason[], start: CalendarDate | null, end: CalendarDate | null): Entitlement => ({
  outcomes: ['paid_repair'],
  suggestedServiceType: 'A',
  reasons,
  warrantyStart: start,
  warrantyEnd: end,
});

/** Days a device spent in repair (drop-off to hand-back, parts waiting included) since `start`. */
function daysInRepair(repairs: PriorRepair[], start: CalendarDate, today: CalendarDate): number {
  return repairs
    .filter((repair) => daysBetween(start, repair.droppedOff) >= 0)
    .reduce(
      (sum, repair) => sum + Math.max(0, daysBetween(repair.droppedOff, repair.handedBack ?? today)),
      0,
    );
}

/** Warranty repairs of the device since the warranty started: what "two failed repairs" counts. */
export const failedRepairsSince = (repairs: PriorRepair[], start: CalendarDate): number =>
  repairs.filter((repair) => repair.warrantyRepair && daysBetween(start, repair.droppedOff) >= 0).length;

/** Which outcomes the customer is entitled to today, and why. */
export function assessWarranty(input: WarrantyCase): Entitlement {
  const { policy, today } = input;
  const part = input.part && input.part in policy.partMonths ? input.part : policy.defaultPart;
  if (input.part && policy.excludedParts.includes(input.part)) {
    return paid([{ code: 'excluded_part', part: input.part }], null, null);
  }
  if (input.userDamage) return paid([{ code: 'user_damage' }], null, null);
  if (!input.purchaseDate) return paid([{ code: 'no_proof_of_purchase' }], null, null);

  const replacements = [...input.replacements].sort();
  const start = replacements.at(-1) ?? input.purchaseDate;
  const repairsSinceStart = input.priorRepairs.filter((repair) => daysBetween(start, repair.droppedOff) >= 0);
  const extendedDays = daysInRepair(input.priorRepairs, start, today);
  const end = addDays(addMonths(start, policy.partMonths[part] ?? 0), extendedDays);
  const day = daysBetween(start, today);
  const inWarranty = day >= 0 && daysBetween(today, end) >= 0;

  const lastHandBack = repairsSinceStart
    .map((repair) => repair.handedBack)
    .filter((date): date is CalendarDate => date !== null)
    .sort()
    .at(-1);
  const sinceHandBack = lastHandBack ? daysBetween(lastHandBack, today) : null;
  const reRepair =
    lastHandBack !== undefined && sinceHandBack !== null && sinceHandBack <= policy.reRepairDays;

  const reasons: Reason[] = [];
  const outcomes = new Set<Outcome>();

  if (day >= 0 && day <= policy.refundDays) {
    reasons.push({ code: 'within_refund_days', day, limit: policy.refundDays });
    ['refund', 'replace', 'free_repair'].forEach((o) => outcomes.add(o as Outcome));
  } else if (day >= 0 && day <= policy.replaceDays) {
    reasons.push({ code: 'within_replace_days', day, limit: policy.replaceDays });
    ['replace', 'free_repair'].forEach((o) => outcomes.add(o as Outcome));
  }

  const failed = failedRepairsSince(input.priorRepairs, start);
  if (inWarranty && failed >= policy.maxFailedRepairs) {
    reasons.push({ code: 'failed_repairs', count: failed, limit: policy.maxFailedRepairs });
    outcomes.add('replace');
    if (policy.refundAfterFailedRepairs) outcomes.add('refund');
  }

  if (input.awaitingPartsSince) {
    const waited = daysBetween(input.awaitingPartsSince, today);
    if (inWarranty && waited > policy.partsWaitDays) {
      reasons.push({ code: 'parts_wait_exceeded', days: waited, limit: policy.partsWaitDays });
      outcomes.add('replace');
    }
  }

  if (inWarranty) {
    reasons.push({ code: 'within_warranty', until: end, part, extendedDays });
    outcomes.add('free_repair');
  } else if (reRepair && lastHandBack) {
    // A repaired product must work for the re-repair window even past the warranty's end.
    reasons.push({
      code: 're_repair',
      handedBack: lastHandBack,
      day: sinceHandBack ?? 0,
      limit: policy.reRepairDays,
    });
    outcomes.add('free_repair');
  } else {
    reasons.push({ code: 'warranty_expired', on: end, part });
  }
  if (reRepair && inWarranty && lastHandBack) {
    reasons.push({
      code: 're_repair',
      handedBack: lastHandBack,
      day: sinceHandBack ?? 0,
      limit: policy.reRepairDays,
    });
  }

  if (outcomes.size === 0) return paid(reasons, start, end);
  const order: Outcome[] = ['refund', 'replace', 'free_repair'];
  return {
    outcomes: order.filter((o) => outcomes.has(o)),
    suggestedServiceType: 'C',
    reasons,
    warrantyStart: start,
    warrantyEnd: end,
  };
}
