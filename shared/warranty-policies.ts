import type { WarrantyPolicy } from './warranty';

/**
 * The defaults from the published summaries of the 三包 regulations; seed data that a store or
 * headquarters edits (DOMAIN.md, "三包").
 */
export const defaultWarrantyPolicies: WarrantyPolicy[] = [
  {
    id: 'general',
    refundDays: 7,
    replaceDays: 15,
    partMonths: { whole: 12 },
    defaultPart: 'whole',
    maxFailedRepairs: 2,
    refundAfterFailedRepairs: true,
    partsWaitDays: 90,
    reRepairDays: 30,
    excludedParts: [],
  },
  {
    id: 'mobile_phone',
    refundDays: 7,
    replaceDays: 15,
    partMonths: { handset: 12, battery: 6, charger: 6, wired_earphones: 3 },
    defaultPart: 'handset',
    maxFailedRepairs: 2,
    refundAfterFailedRepairs: false,
    partsWaitDays: 60,
    reRepairDays: 30,
    excludedParts: ['casing', 'antenna', 'keypad'],
  },
  {
    id: 'household_appliance',
    refundDays: 7,
    replaceDays: 15,
    partMonths: { whole: 12, compressor: 36, main_board: 36 },
    defaultPart: 'whole',
    maxFailedRepairs: 2,
    refundAfterFailedRepairs: true,
    partsWaitDays: 90,
    reRepairDays: 30,
    excludedParts: [],
  },
];
