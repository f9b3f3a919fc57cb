import { z } from 'zod';
import { languages } from './roles';

export const paperSizes = ['80mm', 'A4', 'A5'] as const;

/**
 * Every store setting with its bounds and default. Stored one row per key, so adding a setting
 * never needs a migration; a missing row reads as its default.
 */
export const settingsSchema = z.object({
  language: z.enum(languages).default('zh-CN'),
  receiptTerms: z.string().max(4000).default(''),
  receiptPrinter: z.string().max(200).default(''),
  labelPrinter: z.string().max(200).default(''),
  paperSize: z.enum(paperSizes).default('80mm'),
  /** Empty means `<data folder>/backups`. */
  backupFolder: z.string().max(1000).default(''),
  backupKeep: z.number().int().min(1).max(365).default(14),
  idleLockMinutes: z.number().int().min(1).max(240).default(5),
  pinMaxAttempts: z.number().int().min(3).max(20).default(5),
  pinLockoutMinutes: z.number().int().min(1).max(1440).default(15),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
export const settingKeys = Object.keys(settingsSchema.shape) as SettingKey[];
