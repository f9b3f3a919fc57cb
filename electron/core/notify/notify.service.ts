import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { Notification } from '../../../shared/contract-notify';
import { newId } from '../../../shared/ids';
import {
  customerStatusLabels,
  formatAmount,
  renderMessage,
  templateFor,
} from '../../../shared/notify-templates';
import { failWith } from '../../../shared/result';
import type { Language } from '../../../shared/roles';
import type { TicketStatus } from '../../../shared/ticket-status';
import { recordChange } from '../changes';
import { sessionOf, type Ctx } from '../context';
import { phonesOf } from '../customers/customers.repository';
import { deviceName } from '../devices/devices.repository';
import type { Executor, Tx } from '../db/schema';
import type { NotificationsTable } from '../repair/repair.tables';
import { ticketForChange, type Ticket } from '../repair/ticket-change';
import { findNotification, listNotifications } from './notify.repository';

type Message = {
  ticket: Ticket;
  status: TicketStatus;
  language: Language;
  body: string;
  recipient: string;
};

/**
 * The message for a ticket's current status in a language (the store's by default), from the
 * store's template or the default one, with the ticket's fields filled in.
 */
async function messageFor(db: Executor, ctx: Ctx, ticketId: string, language?: Language): Promise<Message> {
  const ticket = await ticketForChange(db, ctx, ticketId);
  const [customer, device, store, phones] = await Promise.all([
    db.selectFrom('customers').select('name').where('id', '=', ticket.customer_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('devices')
      .select(['brand', 'model'])
      .where('id', '=', ticket.device_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('stores')
      .select(['name', 'phone', 'address', 'currency'])
      .where('id', '=', ticket.store_id)
      .executeTakeFirstOrThrow(),
    phonesOf(db, [ticket.customer_id]),
  ]);
  const { settings } = ctx.core;
  const lang = language ?? settings.language;
  const status = ticket.status as TicketStatus;
  const body = renderMessage(templateFor(status, lang, settings.notifyTemplates), {
    customerName: customer.name,
    ticketNo: ticket.ticket_no,
    device: deviceName(device.brand, device.model),
    status: customerStatusLabels[lang][status],
    estimate: formatAmount(ticket.estimate_fen, store.currency),
    promisedDate: ticket.promised_date,
    storeName: store.name,
    storePhone: store.phone,
    storeAddress: store.address,
  });
  return { ticket, status, language: lang, body, recipient: phones.get(ticket.customer_id)?.[0] ?? '' };
}

export async function preview(
  ctx: Ctx,
  input: ParsedInputOf<'notify.preview'>,
): Promise<OutputOf<'notify.preview'>> {
  const message = await messageFor(ctx.core.db, ctx, input.ticket, input.language);
  return {
    ticketNo: message.ticket.ticket_no,
    status: message.status,
    language: message.language,
    body: message.body,
    recipient: message.recipient,
    webhook: ctx.core.settings.notifyWebhookUrl !== '',
  };
}

/** One contact attempt made by a person: a call, an SMS or WeChat from the counter, or in person. */
export const record = (ctx: Ctx, input: ParsedInputOf<'notify.record'>): Promise<Notification> =>
  ctx.core.db.transaction().execute(async (trx) => {
    const message = await messageFor(trx, ctx, input.ticket, input.language);
    const recipient =
      input.channel === 'in_person' ? (input.recipient ?? '') : (input.recipient ?? message.recipient);
    return insertNotification(trx, ctx, message, {
      action: 'notify.record',
      channel: input.channel,
      result: input.result,
      body: input.body || message.body,
      recipient,
      note: input.note,
    });
  });

/**
 * Queues a message for the store's webhook and answers at once: the background sender posts it
 * (`webhook-sender.ts`). Refused, writing nothing, when the store has no webhook or no phone to send to.
 */
export async function send(ctx: Ctx, input: ParsedInputOf<'notify.send'>): Promise<Notification> {
  requireWebhook(ctx);
  const queued = await ctx.core.db.transaction().execute(async (trx) => {
    const seen = await trx
      .selectFrom('notifications')
      .select('id')
      .where('request_id', '=', input.requestId)
      .executeTakeFirst();
    if (seen) return (await findNotification(trx, seen.id)) ?? failWith('not_found', 'No such message');
    const message = await messageFor(trx, ctx, input.ticket, input.language);
    if (!message.recipient) {
      failWith('invalid_input', `${message.ticket.ticket_no}: the customer left no phone`, {
        fields: { ticket: 'no_phone' },
      });
    }
    return insertNotification(trx, ctx, message, {
      action: 'notify.send',
      channel: 'webhook',
      result: 'queued',
      body: input.body || message.body,
      recipient: message.recipient,
      note: '',
      requestId: input.requestId,
    });
  });
  ctx.core.notifier.kick();
  return queued;
}

/** Sends a failed webhook message again, as a new attempt: the failed one stays in the log as it was. */
export async function retry(ctx: Ctx, input: ParsedInputOf<'notify.retry'>): Promise<Notification> {
  requireWebhook(ctx);
  const queued = await ctx.core.db.transaction().execute(async (trx) => {
    const failed = await trx
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', input.id)
      .where('store_id', '=', ctx.core.storeId ?? '')
      .executeTakeFirst();
    if (!failed) return failWith('not_found', 'No such message');
    const again = await trx
      .selectFrom('notifications')
      .select('id')
      .where('retry_of', '=', failed.id)
      .executeTakeFirst();
    if (failed.channel !== 'webhook' || failed.result !== 'failed' || again) {
      return failWith('conflict', 'Only a failed webhook message can be sent again', {
        details: { result: failed.result, channel: failed.channel, retriedAs: again?.id ?? null },
      });
    }
    const ticket = await ticketForChange(trx, ctx, failed.ticket_id);
    const message: Message = {
      ticket,
      status: failed.ticket_status as TicketStatus,
      language: failed.language as Language,
      body: failed.body,
      recipient: failed.recipient,
    };
    return insertNotification(trx, ctx, message, {
      action: 'notify.retry',
      channel: 'webhook',
      result: 'queued',
      body: failed.body,
      recipient: failed.recipient,
      note: '',
      retryOf: failed.id,
    });
  });
  ctx.core.notifier.kick();
  return queued;
}

export async function list(ctx: Ctx, input: ParsedInputOf<'notify.list'>): Promise<Notification[]> {
  const ticket = await ticketForChange(ctx.core.db, ctx, input.ticket);
  return listNotifications(ctx.core.db, ticket.id);
}

function requireWebhook(ctx: Ctx): void {
  if (!ctx.core.settings.notifyWebhookUrl) {
    failWith('not_supported', 'No webhook is set up for sending messages; a supervisor sets it in Settings', {
      details: { setting: 'notifyWebhookUrl' },
    });
  }
}

type Attempt = {
  action: string;
  channel: NotificationsTable['channel'];
  result: NotificationsTable['result'];
  body: string;
  recipient: string;
  note: string;
  requestId?: string;
  retryOf?: string;
};

/** Writes one attempt with its audit entry and outbox row, in the caller's transaction. */
async function insertNotification(trx: Tx, ctx: Ctx, message: Message, attempt: Attempt) {
  const now = ctx.core.now();
  const queued = attempt.result === 'queued';
  const row: NotificationsTable = {
    id: newId(),
    store_id: message.ticket.store_id,
    ticket_id: message.ticket.id,
    ticket_status: message.status,
    channel: attempt.channel,
    language: message.language,
    recipient: attempt.recipient,
    body: attempt.body,
    note: attempt.note,
    result: attempt.result,
    attempts: 0,
    next_attempt_at: queued ? now : null,
    last_error: '',
    staff_id: sessionOf(ctx).staffId,
    at: now,
    sent_at: null,
    request_id: attempt.requestId ?? null,
    retry_of: attempt.retryOf ?? null,
  };
  await trx.insertInto('notifications').values(row).execute();
  await recordChange(trx, ctx, {
    action: attempt.action,
    entity: 'notifications',
    entityId: row.id,
    row,
    details: {
      ticketNo: message.ticket.ticket_no,
      channel: row.channel,
      result: row.result,
      retryOf: row.retry_of ?? undefined,
    },
  });
  return (await findNotification(trx, row.id)) ?? failWith('not_found', 'The attempt was not saved');
}
