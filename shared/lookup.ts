import { z } from 'zod';
import { isPhone, normalizePhone } from './phone';

/**
 * Cross-store lookup: a customer's tickets at the chain's other stores, by phone or by serial, read
 * at headquarters (online only). Other stores see the surname, never the phone or the address.
 */
export const lookupQuerySchema = z.union([
  z.strictObject({
    phone: z.string().max(30).transform(normalizePhone).pipe(z.string().refine(isPhone, 'phone_format')),
  }),
  z.strictObject({ serial: z.string().trim().min(3).max(60) }),
]);
export type LookupQuery = z.infer<typeof lookupQuerySchema>;

export const lookupTicketSchema = z.object({
  storeCode: z.string(),
  storeName: z.string(),
  ticketNo: z.string(),
  status: z.string(),
  receivedAt: z.number(),
  collectedAt: z.number().nullable(),
  categoryId: z.string(),
  brand: z.string(),
  model: z.string(),
  serial: z.string().nullable(),
  reportedFault: z.string(),
  /** The surname and a star per other character: 王** */
  customer: z.string(),
});
export type LookupTicket = z.infer<typeof lookupTicketSchema>;

/** At most this many tickets, newest first. */
export const maxLookupTickets = 50;

export const maskName = (name: string): string => {
  const [first = '', ...rest] = Array.from(name.trim());
  return first + '*'.repeat(Math.max(1, rest.length));
};
