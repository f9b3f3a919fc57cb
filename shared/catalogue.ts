import { z } from 'zod';

/** Intake fields a category may require beyond the always-required ones (customer, fault). */
export const requirableFields = [
  'serial',
  'colour',
  'model',
  'purchaseDate',
  'invoiceNo',
  'passcode',
  'condition',
  'accessories',
  'shelfLocation',
  'photos',
] as const;
export type RequirableField = (typeof requirableFields)[number];

/** A checklist item, accessory, fault code or warranty part: a stable key and its two labels. */
export const labelledSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/),
  zh: z.string().min(1).max(40),
  en: z.string().min(1).max(60),
});
export type Labelled = z.infer<typeof labelledSchema>;

export const categorySchema = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,40}$/),
  nameZh: z.string().min(1).max(40),
  nameEn: z.string().min(1).max(60),
  warrantyPolicyId: z.string().min(1).max(40),
  requiredFields: z.array(z.enum(requirableFields)).max(requirableFields.length),
  checklist: z.array(labelledSchema).max(40),
  accessories: z.array(labelledSchema).max(40),
  faultCodes: z.array(labelledSchema).max(60),
  warrantyParts: z.array(labelledSchema).max(20),
  active: z.boolean(),
});
export type Category = z.infer<typeof categorySchema>;

export const serviceTypes = ['A', 'B', 'C', 'D'] as const;
export type ServiceType = (typeof serviceTypes)[number];
export const priorities = ['normal', 'urgent'] as const;
export const paymentMethods = ['cash', 'card', 'wechat', 'alipay', 'other'] as const;
export const conditionStates = ['ok', 'damaged', 'missing'] as const;
