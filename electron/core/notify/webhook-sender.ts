import { queueSync } from '../changes';
import type { Ctx } from '../context';
import type { Core } from '../core';
import { maxErrorLength, postMessage, type PostOutcome } from './webhook-post';

/** How queued webhook messages are sent: small batches, a timeout per message, growing back-off. */
export const sendPolicy = {
  /** How often the background sender looks for due messages. */
  intervalMs: 15_000,
  timeoutMs: 5_000,
  /** Messages read per query; a drain reads batches until nothing is due. */
  batch: 5,
  /** A drain stops after this many batches and leaves the rest to the next one. */
  maxBatches: 20,
  /** After this many failed tries a message is `failed` (a person may retry it). */
  maxAttempts: 6,
  firstRetryMs: 60_000,
  maxRetryMs: 60 * 60_000,
} as const;

/** The wait after the `attempts`-th failed try: 1, 2, 4, 8 ... minutes, at most an hour. */
export const retryDelay = (attempts: number): number =>
  Math.min(sendPolicy.firstRetryMs * 2 ** Math.max(0, attempts - 1), sendPolicy.maxRetryMs);

export type DrainSummary = { sent: number; retrying: number; failed: number };

/**
 * Sends queued customer messages to the store's webhook, off the request path. One drain runs at a
 * time, so no message is sent twice at once. No transaction is held across the network: a due row
 * is read, posted, and its outcome written in its own short transaction. The host starts the timer
 * (`start`); tests drain on demand instead and move the core's clock for the back-off.
 */
export class NotificationSender {
  private timer: NodeJS.Timeout | null = null;
  private stopping = new AbortController();
  private running: Promise<DrainSummary> | null = null;

  constructor(private readonly core: Core) {}

  /** Looks for due messages every `intervalMs` (and now). The timer never keeps the process alive. */
  start(): void {
    if (this.timer) return;
    if (this.stopping.signal.aborted) this.stopping = new AbortController();
    this.timer = setInterval(() => this.tick(), sendPolicy.intervalMs);
    this.timer.unref();
    this.tick();
  }

  /** A message was just queued: send it soon rather than at the next tick (only once started). */
  kick(): void {
    if (this.timer) setImmediate(() => this.tick()).unref();
  }

  /**
   * Sends every message due now and resolves with what happened; waits for a drain already under
   * way first. Never rejects for a gateway's failure (only for a broken database).
   */
  drain(): Promise<DrainSummary> {
    const previous = this.running ?? Promise.resolve(null);
    const next = previous.catch(() => null).then(() => this.sendDue());
    this.running = next;
    void next
      .finally(() => {
        if (this.running === next) this.running = null;
      })
      .catch(() => undefined);
    return next;
  }

  /** Stops the timer, aborts a post in flight (it stays queued) and waits for the drain to end. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopping.abort();
    await this.running?.catch(() => undefined);
  }

  private tick(): void {
    if (this.running || !this.core.settings.notifyWebhookUrl) return;
    this.drain().catch((error: unknown) => console.error('[notify] sending failed', error));
  }

  private async sendDue(): Promise<DrainSummary> {
    const summary: DrainSummary = { sent: 0, retrying: 0, failed: 0 };
    const { core } = this;
    for (let round = 0; round < sendPolicy.maxBatches; round++) {
      const url = core.settings.notifyWebhookUrl;
      const storeId = core.storeId;
      if (!url || !storeId || core.maintenance || this.stopping.signal.aborted) break;
      const due = await dueMessages(core, storeId);
      if (due.length === 0) break;
      for (const message of due) {
        // "Ready for pickup" after the customer collected it helps no one: it is not sent.
        if (message.current_status !== message.ticket_status) {
          const result = await settle(
            core,
            message,
            {
              ok: false,
              error: `not sent: the ticket is ${message.current_status} now`,
              stopped: false,
            },
            true,
          );
          if (result) summary.failed++;
          continue;
        }
        const outcome = await postMessage(
          url,
          {
            id: message.id,
            ticketNo: message.ticket_no,
            phone: message.recipient,
            language: message.language,
            text: message.body,
            status: message.ticket_status,
            storeName: message.store_name,
          },
          { timeoutMs: sendPolicy.timeoutMs, stop: this.stopping.signal },
        );
        if (!outcome.ok && outcome.stopped) return summary;
        if (core.maintenance) return summary; // the database is being swapped: the row stays queued
        const result = await settle(core, message, outcome);
        if (result) summary[result === 'queued' ? 'retrying' : result]++;
      }
    }
    return summary;
  }
}

type DueMessage = Awaited<ReturnType<typeof dueMessages>>[number];

const dueMessages = (core: Core, storeId: string) =>
  core.db
    .selectFrom('notifications as n')
    .innerJoin('tickets as t', 't.id', 'n.ticket_id')
    .innerJoin('stores as s', 's.id', 'n.store_id')
    .select([
      'n.id',
      'n.attempts',
      'n.recipient',
      'n.language',
      'n.body',
      'n.ticket_status',
      't.status as current_status',
      't.ticket_no',
      's.name as store_name',
    ])
    .where('n.result', '=', 'queued')
    .where('n.next_attempt_at', '<=', core.now())
    .where('n.store_id', '=', storeId)
    .orderBy('n.next_attempt_at')
    .limit(sendPolicy.batch)
    .execute();

/** Writes one try's outcome (and its outbox row) in a short transaction of its own. */
async function settle(core: Core, message: DueMessage, outcome: PostOutcome, final = false) {
  const now = core.now();
  const attempts = message.attempts + 1;
  const giveUp = !outcome.ok && (final || attempts >= sendPolicy.maxAttempts);
  const set = outcome.ok
    ? { result: 'sent' as const, attempts, next_attempt_at: null, last_error: '', sent_at: now }
    : {
        result: giveUp ? ('failed' as const) : ('queued' as const),
        attempts,
        next_attempt_at: giveUp ? null : now + retryDelay(attempts),
        last_error: outcome.error.slice(0, maxErrorLength),
      };
  // The sender acts for the store, not for a person: the outbox carries the row, no audit entry.
  const ctx: Ctx = { core, session: null, overrideBy: null };
  return core.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('notifications')
      .set(set)
      .where('id', '=', message.id)
      .where('result', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    await queueSync(trx, ctx, 'notifications', row.id, row);
    return row.result as 'sent' | 'queued' | 'failed';
  });
}

/** Sends every message due now, for tests and tools: resolves when the gateway has answered them. */
export const drainNotifications = (core: Core): Promise<DrainSummary> => core.notifier.drain();
