import { z } from 'zod';
import { counter, id, method, requiredText, supervisors, text } from './contract-kit';
import { phoneSchema } from './intake';

/**
 * After-sales quality: follow-up calls (回访) and complaints (投诉). Callers and supervisors use these;
 * technicians do not (a rating is never shown to the technician it rates before it is aggregated).
 */

export const followUpReasons = ['sampled', 'warranty', 'complaint'] as const;
export const complaintSources = ['call', 'counter', 'follow_up'] as const;
export const severities = ['low', 'normal', 'high'] as const;
/** The three-level answer many callers record, as points on the same 1-5 scale. */
export const satisfactionLevels = { satisfied: 5, fairly_satisfied: 3, dissatisfied: 1 } as const;
/** At or below this, a reached customer is dissatisfied: a complaint opens by itself. */
export const dissatisfiedAtMost = 2;

const idempotencyKey = z.uuid();
const version = z.number().int().min(1);

export const followUpSchema = z.object({
  id: z.string(),
  reason: z.enum(followUpReasons),
  ticketId: z.string().nullable(),
  ticketNo: z.string().nullable(),
  complaintId: z.string().nullable(),
  customerName: z.string(),
  customerPhone: z.string(),
  /** What the call is about: the device and the fault, or the complaint. */
  subject: z.string(),
  dueAt: z.number(),
  overdue: z.boolean(),
  attempts: z.number(),
  closedAt: z.number().nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const complaintSchema = z.object({
  id: z.string(),
  ticketId: z.string().nullable(),
  ticketNo: z.string().nullable(),
  source: z.enum(complaintSources),
  severity: z.enum(severities),
  customerName: z.string(),
  customerPhone: z.string(),
  summary: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  replyDueAt: z.number(),
  resolveDueAt: z.number(),
  repliedAt: z.number().nullable(),
  reply: z.string(),
  resolvedAt: z.number().nullable(),
  resolution: z.string(),
  acceptance: z.enum(['accepted', 'not_accepted']).nullable(),
  /** A deadline passed with its step not done: the board puts it in front of a supervisor. */
  escalated: z.boolean(),
  version: z.number(),
  createdAt: z.number(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const qualityContract = {
  /** Follow-ups not yet closed, due ones first; `overdue` marks those past their deadline. */
  'followups.queue': method({
    input: z.strictObject({ view: z.enum(['open', 'overdue']).default('open') }),
    output: z.array(followUpSchema),
    access: counter,
  }),
  /** One call: reached or not; if reached, how satisfied (1-5, or one of three levels) and why. */
  'followups.record': method({
    input: z
      .strictObject({
        followUpId: id,
        reached: z.boolean(),
        satisfaction: z.number().int().min(1).max(5).optional(),
        level: z.enum(Object.keys(satisfactionLevels) as [keyof typeof satisfactionLevels]).optional(),
        comment: text(500).default(''),
        idempotencyKey,
      })
      .refine((call) => !(call.satisfaction !== undefined && call.level !== undefined), {
        message: 'one_rating',
        path: ['level'],
      })
      .refine((call) => !call.reached || call.satisfaction !== undefined || call.level !== undefined, {
        message: 'required',
        path: ['satisfaction'],
      })
      .refine((call) => call.reached || (call.satisfaction === undefined && call.level === undefined), {
        message: 'not_reached',
        path: ['satisfaction'],
      }),
    output: z.object({ followUp: followUpSchema, complaintId: z.string().nullable() }),
    access: counter,
  }),
  'complaints.log': method({
    input: z.strictObject({
      ticketNo: z.string().max(40).optional(),
      source: z.enum(['call', 'counter']),
      severity: z.enum(severities).default('normal'),
      customerName: requiredText(60),
      customerPhone: phoneSchema,
      summary: requiredText(1000),
      ownerId: id.optional(),
      idempotencyKey,
    }),
    output: complaintSchema,
    access: counter,
  }),
  /** Open complaints (deadline order) and those resolved in the last 30 days. */
  'complaints.board': method({
    input: z.strictObject({}),
    output: z.object({ open: z.array(complaintSchema), resolved: z.array(complaintSchema) }),
    access: counter,
  }),
  'complaints.assign': method({
    input: z.strictObject({ id, version, ownerId: id }),
    output: complaintSchema,
    access: supervisors,
  }),
  'complaints.reply': method({
    input: z.strictObject({ id, version, reply: requiredText(1000) }),
    output: complaintSchema,
    access: counter,
  }),
  'complaints.resolve': method({
    input: z.strictObject({ id, version, resolution: requiredText(1000) }),
    output: complaintSchema,
    access: supervisors,
  }),
  /** What the customer said to the resolution. */
  'complaints.accept': method({
    input: z.strictObject({ id, version, accepted: z.boolean(), note: text(500).default('') }),
    output: complaintSchema,
    access: counter,
  }),
} as const;
