import { z } from 'zod';
import { anyStaff, id, method, text } from './contract-kit';
import { maxMessageLength } from './notify-templates';
import { languages } from './roles';
import { ticketStatuses } from './ticket-status';

/**
 * Telling the customer: per-status message templates, the contact log, and sending through the
 * store's optional webhook. A manual attempt (a call, an SMS from the counter phone, WeChat, in
 * person) is recorded with its result; a webhook message is queued and sent in the background, with
 * retries, so no call ever waits for the gateway.
 */

export const manualChannels = ['phone', 'sms', 'wechat', 'in_person'] as const;
export const notifyChannels = [...manualChannels, 'webhook'] as const;
export const manualResults = ['reached', 'no_answer', 'left_message'] as const;
export const sendResults = ['queued', 'sent', 'failed'] as const;
export const notifyResults = [...manualResults, ...sendResults] as const;

const language = z.enum(languages);
/** What the customer is told; empty or absent: the template for the ticket's status, filled in. */
const body = text(maxMessageLength);

export const notificationSchema = z.object({
  id: z.string(),
  channel: z.enum(notifyChannels),
  result: z.enum(notifyResults),
  /** The ticket's status the message was about. */
  ticketStatus: z.enum(ticketStatuses),
  language,
  recipient: z.string(),
  body: z.string(),
  note: z.string(),
  /** Webhook messages: tries so far, when the next one is due (queued only), the last failure. */
  attempts: z.number(),
  nextAttemptAt: z.number().nullable(),
  lastError: z.string(),
  staff: z.object({ id: z.string(), name: z.string() }),
  at: z.number(),
  sentAt: z.number().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notifyContract = {
  'notify.preview': method({
    input: z.strictObject({ ticket: id, language: language.optional() }),
    output: z.object({
      ticketNo: z.string(),
      status: z.enum(ticketStatuses),
      language,
      body: z.string(),
      /** The customer's first phone; empty if they left none. */
      recipient: z.string(),
      /** The store set a webhook URL, so `notify.send` can send. */
      webhook: z.boolean(),
    }),
    access: anyStaff,
  }),
  'notify.record': method({
    input: z.strictObject({
      ticket: id,
      channel: z.enum(manualChannels),
      result: z.enum(manualResults),
      language: language.optional(),
      body: body.optional(),
      /** Who was contacted, if not the customer's first phone. */
      recipient: text(40).optional(),
      note: text(200).default(''),
    }),
    output: notificationSchema,
    access: anyStaff,
  }),
  'notify.send': method({
    /** `requestId`: made once per click; a repeated request answers with the message it queued. */
    input: z.strictObject({
      requestId: z.uuid(),
      ticket: id,
      language: language.optional(),
      body: body.optional(),
    }),
    output: notificationSchema,
    access: anyStaff,
  }),
  'notify.retry': method({
    input: z.strictObject({ id }),
    output: notificationSchema,
    access: anyStaff,
  }),
  'notify.list': method({
    input: z.strictObject({ ticket: id }),
    output: z.array(notificationSchema),
    access: anyStaff,
  }),
} as const;
