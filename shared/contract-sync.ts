import { z } from 'zod';
import { admins, anyStaff, counter, method, requiredText } from './contract-kit';
import { lookupQuerySchema, lookupTicketSchema } from './lookup';

/**
 * The counter's link to headquarters: enrolling with the server's address and a one-time code, the
 * sync status a clerk can read, and "sync now". Sync itself runs in the background; no counter call
 * ever waits for the network.
 */

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string(),
  storeCode: z.string(),
  /** Changes waiting to go to headquarters, and since when the oldest has waited. */
  outboxDepth: z.number(),
  oldestUnsentAt: z.number().nullable(),
  lastAttemptAt: z.number().nullable(),
  lastSuccessAt: z.number().nullable(),
  lastError: z.string(),
  lastErrorAt: z.number().nullable(),
  /** When headquarters' master data was last read. */
  lastPullAt: z.number().nullable(),
  /** A full download of master data is under way (the first one, or after a 410), and what is left. */
  downloading: z.boolean(),
  downloadRemaining: z.number().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncContract = {
  'sync.status': method({ input: z.strictObject({}), output: syncStatusSchema, access: anyStaff }),
  'sync.enrol': method({
    input: z.strictObject({
      serverUrl: z.url({ protocol: /^https?$/ }).max(300),
      code: requiredText(40),
      deviceName: requiredText(80),
    }),
    output: syncStatusSchema,
    access: admins,
  }),
  /** A customer's tickets at the chain's other stores, by phone or serial; online only. */
  'sync.lookup': method({
    input: lookupQuerySchema,
    output: z.array(lookupTicketSchema),
    access: anyStaff,
  }),
  /** Pushes what is waiting now, rather than at the next tick. */
  'sync.now': method({ input: z.strictObject({}), output: syncStatusSchema, access: counter }),
} as const;
