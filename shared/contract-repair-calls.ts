import { z } from 'zod';
import { counter, id, method, requiredText, text } from './contract-kit';
import { phoneSchema } from './intake';

/**
 * 叫修登记: a customer phones about a faulty product before bringing it (or asking for a visit). The
 * call is logged with who, what and the fault; the store owes an answer within a set number of hours
 * (4 by default); when the device comes in, the intake names the call and closes it.
 */

const version = z.number().int().min(1);

export const repairCallSchema = z.object({
  id: z.string(),
  customerName: z.string(),
  customerPhone: z.string(),
  categoryId: z.string().nullable(),
  brand: z.string(),
  model: z.string(),
  fault: z.string(),
  address: z.string(),
  calledAt: z.number(),
  answerDueAt: z.number(),
  answeredAt: z.number().nullable(),
  answer: z.string(),
  /** Not answered and past its deadline. */
  overdue: z.boolean(),
  ticketId: z.string().nullable(),
  ticketNo: z.string().nullable(),
  closedAt: z.number().nullable(),
  closeReason: z.enum(['converted', 'cancelled']).nullable(),
  version: z.number(),
});
export type RepairCall = z.infer<typeof repairCallSchema>;

export const repairCallsContract = {
  'repairCalls.log': method({
    input: z.strictObject({
      customerName: requiredText(60),
      customerPhone: phoneSchema,
      categoryId: z.string().max(40).nullable().default(null),
      brand: text(40).default(''),
      model: text(60).default(''),
      fault: requiredText(500),
      address: text(200).default(''),
      idempotencyKey: z.uuid(),
    }),
    output: repairCallSchema,
    access: counter,
  }),
  /** Open calls, the answer deadline first; or those closed in the last 30 days. */
  'repairCalls.list': method({
    input: z.strictObject({ view: z.enum(['open', 'closed']).default('open') }),
    output: z.array(repairCallSchema),
    access: counter,
  }),
  'repairCalls.get': method({
    input: z.strictObject({ id }),
    output: repairCallSchema,
    access: counter,
  }),
  /** What the store told the customer (bring it in, a visit booked, advice): the deadline is met. */
  'repairCalls.answer': method({
    input: z.strictObject({ id, version, answer: requiredText(500) }),
    output: repairCallSchema,
    access: counter,
  }),
  /** The customer will not come after all (fixed itself, went elsewhere): closed without a ticket. */
  'repairCalls.cancel': method({
    input: z.strictObject({ id, version, reason: requiredText(200) }),
    output: repairCallSchema,
    access: counter,
  }),
};
