import { z } from 'zod';
import { maxTemplateLength } from './notify-templates';
import { languages } from './roles';
import { ticketStatuses } from './ticket-status';

export const paperSizes = ['80mm', 'A4', 'A5'] as const;

/** Every store setting with its bounds: the one definition behind reading, saving and the contract. */
export const settingsFields = z.strictObject({
  language: z.enum(languages),
  receiptTerms: z.string().max(4000),
  receiptPrinter: z.string().trim().max(200),
  labelPrinter: z.string().trim().max(200),
  paperSize: z.enum(paperSizes),
  /** Print a small label for each accessory received, for the label printer. */
  accessoryLabels: z.boolean(),
  /** Empty means `<data folder>/backups`. */
  backupFolder: z.string().trim().max(1000),
  backupKeep: z.number().int().min(1).max(365),
  idleLockMinutes: z.number().int().min(1).max(240),
  pinMaxAttempts: z.number().int().min(3).max(20),
  pinLockoutMinutes: z.number().int().min(1).max(1440),
  /** A device left at one stage (shelf, workshop, vendor) longer than this is flagged as idle. */
  custodyIdleDays: z.number().int().min(1).max(365),
  /** Days the store keeps a device after intake before it may be disposed of, with notice. */
  storageDays: z.number().int().min(7).max(3650),
  /** A ticket nothing has happened to for this many hours is flagged as stalled on the board. */
  stallHours: z.number().int().min(1).max(720),
  /** What an hour of a technician's labour costs the customer, in fen (the bill: labour + parts). */
  labourRatePerHourFen: z.number().int().min(0).max(1_000_000),
  /** The clerk counts the drawer at close before seeing how much it should hold. */
  blindClose: z.boolean(),
  /** Ordinary repairs called back after hand-back, in percent (三包 replacements and refunds: all). */
  followUpSharePercent: z.number().int().min(0).max(100),
  /** Hours after hand-back within which the follow-up call is due. */
  followUpDueHours: z.number().int().min(1).max(720),
  /** A complaint is answered within this many hours and resolved within this many days. */
  complaintReplyHours: z.number().int().min(1).max(720),
  complaintResolveDays: z.number().int().min(1).max(365),
  /** A repair call (叫修) is answered within this many hours. */
  repairCallAnswerHours: z.number().int().min(1).max(72),
  /** Where "notify" posts customer messages (an SMS or WeChat gateway); empty: no sending. */
  notifyWebhookUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
  /** The store's own customer messages per language and status; missing or blank: the default. */
  notifyTemplates: z.strictObject({
    'zh-CN': z.partialRecord(z.enum(ticketStatuses), z.string().trim().max(maxTemplateLength)),
    en: z.partialRecord(z.enum(ticketStatuses), z.string().trim().max(maxTemplateLength)),
  }),
});

export type Settings = z.infer<typeof settingsFields>;
export type SettingKey = keyof Settings;

/**
 * What a setting reads as until someone saves it. Stored one row per key, so adding a setting never
 * needs a migration.
 */
export const settingDefaults: Settings = {
  language: 'zh-CN',
  receiptTerms: '',
  receiptPrinter: '',
  labelPrinter: '',
  paperSize: '80mm',
  accessoryLabels: false,
  backupFolder: '',
  backupKeep: 14,
  idleLockMinutes: 5,
  pinMaxAttempts: 5,
  pinLockoutMinutes: 15,
  custodyIdleDays: 3,
  storageDays: 90,
  stallHours: 48,
  labourRatePerHourFen: 6000,
  blindClose: false,
  followUpSharePercent: 30,
  followUpDueHours: 72,
  complaintReplyHours: 24,
  complaintResolveDays: 30,
  repairCallAnswerHours: 4,
  notifyWebhookUrl: '',
  notifyTemplates: { 'zh-CN': {}, en: {} },
};

export const settingKeys = Object.keys(settingDefaults) as SettingKey[];
