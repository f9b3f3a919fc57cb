import { z } from 'zod';
import { categorySchema, priorities } from './catalogue';
import { calendarDateSchema, intakeInputSchema } from './intake';
import { admins, anyStaff, counter, id, method, none, requiredText, supervisors, text } from './contract-kit';
import { goodsContract } from './contract-goods';
import { partsContract } from './contract-parts';
import { repairContract } from './contract-repair';
import { notifyContract } from './contract-notify';
import { paymentsContract } from './contract-payments';
import { daycloseContract } from './contract-dayclose';
import { syncContract } from './contract-sync';
import { qualityContract } from './contract-quality';
import { reportsContract } from './contract-reports';
import { repairCallsContract } from './contract-repair-calls';
import { languages, roles, type Role } from './roles';
import { settingsFields } from './settings';
import { ticketStatuses } from './ticket-status';
import {
  catalogueSchema,
  customerSchema,
  deviceSchema,
  entitlementSchema,
  printDocuments,
  ticketDetailSchema,
  ticketRowSchema,
} from './ticket-schemas';

/**
 * The one contract between the UI and the core: every method, its input and output schemas, and who
 * may call it. Types on both sides are inferred from here; IPC and browser mode share it.
 */

export const pinSchema = z.string().regex(/^\d{4,8}$/, 'pin_format');
export const storeCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9]{1,7}$/, 'store_code_format');

const timeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown_time_zone');

export const storeProfileSchema = z.strictObject({
  name: requiredText(100),
  address: text(300),
  phone: text(40),
  timeZone: timeZoneSchema,
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency_format'),
});

export const storeSchema = storeProfileSchema.extend({ id, code: z.string() });

export const staffSchema = z.object({
  id,
  name: z.string(),
  role: z.enum(roles),
  active: z.boolean(),
  language: z.enum(languages).nullable(),
  lockedUntil: z.number().nullable(),
});

const sessionStaffSchema = staffSchema.pick({ id: true, name: true, role: true, language: true });

export const backupSchema = z.object({
  name: z.string(),
  sizeBytes: z.number(),
  createdAt: z.number(),
  reason: z.string(),
});

export const backupJobSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** 0..1 */
  progress: z.number(),
  backup: backupSchema.nullable(),
  error: z.string().nullable(),
});

export const contract = {
  'system.status': method({
    input: none,
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number(),
      setUp: z.boolean(),
      storeName: z.string().nullable(),
      /** The store's time zone: every time a screen shows is on the store's clock. */
      timeZone: z.string().nullable(),
      language: z.enum(languages),
    }),
    access: 'public',
  }),
  'setup.create': method({
    input: z.strictObject({
      store: storeProfileSchema.extend({ code: storeCodeSchema }),
      admin: z.strictObject({ name: requiredText(60), pin: pinSchema }),
      language: z.enum(languages),
    }),
    output: z.object({ storeId: id, adminId: id }),
    access: 'public',
  }),
  'auth.roster': method({
    input: none,
    output: z.array(staffSchema.pick({ id: true, name: true, role: true })),
    access: 'public',
  }),
  'auth.signIn': method({
    input: z.strictObject({ staffId: id, pin: z.string().max(16) }),
    output: z.object({ token: z.string(), staff: sessionStaffSchema, idleLockMinutes: z.number() }),
    access: 'public',
  }),
  'auth.signOut': method({ input: none, output: z.null(), access: anyStaff }),
  'auth.me': method({ input: none, output: sessionStaffSchema, access: anyStaff }),
  'auth.lock': method({ input: none, output: z.null(), access: anyStaff }),
  'auth.unlock': method({
    input: z.strictObject({ pin: z.string().max(16) }),
    output: z.null(),
    access: anyStaff,
  }),
  'auth.override': method({
    input: z.strictObject({
      supervisorId: id,
      pin: z.string().max(16),
      method: z.string().max(60),
      /** The exact input of the call to allow: the override is good for that request only. */
      request: z.record(z.string(), z.unknown()),
    }),
    output: z.object({ overrideToken: z.string(), expiresAt: z.number() }),
    access: anyStaff,
  }),
  'auth.setLanguage': method({
    input: z.strictObject({ language: z.enum(languages) }),
    output: z.null(),
    access: anyStaff,
  }),
  'staff.list': method({ input: none, output: z.array(staffSchema), access: admins }),
  'staff.create': method({
    input: z.strictObject({ name: requiredText(60), role: z.enum(roles), pin: pinSchema }),
    output: staffSchema,
    access: admins,
  }),
  'staff.update': method({
    input: z.strictObject({
      id,
      name: requiredText(60).optional(),
      role: z.enum(roles).optional(),
      active: z.boolean().optional(),
    }),
    output: staffSchema,
    access: admins,
  }),
  'staff.resetPin': method({
    input: z.strictObject({ id, pin: pinSchema }),
    output: z.null(),
    access: admins,
  }),
  'staff.unlock': method({ input: z.strictObject({ id }), output: z.null(), access: admins }),
  'store.get': method({ input: none, output: storeSchema, access: anyStaff }),
  'store.update': method({ input: storeProfileSchema, output: storeSchema, access: admins }),
  'settings.get': method({ input: none, output: settingsFields, access: anyStaff }),
  'settings.update': method({
    input: settingsFields.partial(),
    output: settingsFields,
    access: supervisors,
  }),
  'printers.list': method({
    input: none,
    output: z.array(z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() })),
    access: anyStaff,
  }),
  'backup.list': method({ input: none, output: z.array(backupSchema), access: anyStaff }),
  'backup.start': method({ input: none, output: backupJobSchema, access: anyStaff }),
  'backup.progress': method({
    input: z.strictObject({ jobId: z.string().max(60) }),
    output: backupJobSchema,
    access: anyStaff,
  }),
  'backup.restore': method({
    input: z.strictObject({ name: z.string().max(200) }),
    output: z.object({ keptAside: z.string() }),
    access: supervisors,
    overridable: true,
  }),
  'printing.print': method({
    input: z.strictObject({
      /** The prepared document with its print styles inlined; within the 1 MiB a call may carry. */
      html: z.string().max(1_000_000),
      printer: z.enum(['receipt', 'label']),
      paperSize: z.enum(['80mm', 'A4', 'A5', 'label']),
    }),
    output: z.null(),
    access: anyStaff,
  }),
  /** A report saved as a PDF file where the person chooses (desktop app; browser mode prints). */
  'printing.pdf': method({
    input: z.strictObject({
      html: z.string().max(1_000_000),
      paperSize: z.enum(['80mm', 'A4']),
      /** Suggested file name, without the extension. */
      fileName: z
        .string()
        .trim()
        .regex(/^[\p{L}\p{N} _.-]{1,80}$/u, 'file_name_format'),
    }),
    output: z.object({ path: z.string().nullable() }),
    access: anyStaff,
  }),
  'catalogue.get': method({ input: none, output: catalogueSchema, access: anyStaff }),
  'catalogue.saveCategory': method({ input: categorySchema, output: categorySchema, access: admins }),
  'catalogue.suggest': method({
    input: z.strictObject({
      categoryId: z.string().max(40),
      brand: z.string().max(40).optional(),
      prefix: z.string().max(60),
    }),
    output: z.array(z.string()),
    access: anyStaff,
  }),
  'customers.find': method({
    input: z.strictObject({ query: z.string().trim().min(2, 'too_small').max(60) }),
    output: z.array(customerSchema.extend({ devices: z.array(deviceSchema) })),
    access: anyStaff,
  }),
  'tickets.assessWarranty': method({
    input: z.strictObject({
      categoryId: z.string().max(40),
      deviceId: z.uuid().optional(),
      serial: z.string().max(40).optional(),
      purchaseDate: calendarDateSchema.nullable(),
      part: z.string().max(40).default(''),
      userDamage: z.boolean().default(false),
    }),
    output: entitlementSchema.extend({ reRepairOf: z.string().nullable() }),
    access: anyStaff,
  }),
  'tickets.create': method({ input: intakeInputSchema, output: ticketDetailSchema, access: counter }),
  'tickets.get': method({
    input: z.union([
      z.strictObject({ id: z.uuid() }),
      z.strictObject({ ticketNo: z.string().trim().max(40) }),
    ]),
    output: ticketDetailSchema,
    access: anyStaff,
  }),
  'tickets.photo': method({
    input: z.strictObject({ id: z.uuid() }),
    output: z.object({ mime: z.string(), base64: z.string() }),
    access: anyStaff,
  }),
  'tickets.search': method({
    input: z.strictObject({ query: z.string().trim().min(2, 'too_small').max(60) }),
    output: z.array(ticketRowSchema),
    access: anyStaff,
  }),
  'tickets.list': method({
    input: z.strictObject({
      status: z.enum(ticketStatuses).optional(),
      from: calendarDateSchema.optional(),
      to: calendarDateSchema.optional(),
      priority: z.enum(priorities).optional(),
      overdue: z.boolean().optional(),
      limit: z.number().int().min(1).max(200).default(50),
      before: z.string().max(40).optional(),
    }),
    output: z.array(ticketRowSchema),
    access: anyStaff,
  }),
  'tickets.printed': method({
    input: z.strictObject({ ticketId: z.uuid(), documents: z.array(z.enum(printDocuments)).min(1).max(10) }),
    output: z.record(z.string(), z.number()),
    access: anyStaff,
  }),
  ...goodsContract,
  ...partsContract,
  ...repairContract,
  ...notifyContract,
  ...paymentsContract,
  ...daycloseContract,
  ...syncContract,
  ...qualityContract,
  ...reportsContract,
  ...repairCallsContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>;

export const isMethodName = (name: string): name is MethodName =>
  Object.prototype.hasOwnProperty.call(contract, name);

/** Whether a role may call a method outright (without an override): the UI hides what it may not. */
export const canCall = (method: MethodName, role: Role): boolean => {
  const access = contract[method].access;
  return access === 'public' || access.includes(role);
};

/** The envelope both transports carry. */
export const rpcRequestSchema = z.strictObject({
  method: z.string().max(60),
  input: z.unknown(),
});
