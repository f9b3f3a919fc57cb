import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { drainNotifications, retryDelay, sendPolicy } from '../../electron/core/notify/webhook-sender';
import type { WebhookPayload } from '../../electron/core/notify/webhook-post';
import { openTestCore, totalChanges, value } from '../helpers/core';
import { repairStore } from '../helpers/repair';
import { storeInput } from '../helpers/sample-store';

type Answer = (res: http.ServerResponse, n: number) => void;

/**
 * A real HTTP server standing in for the store's SMS/WeChat gateway: it keeps every body it was sent
 * and answers the n-th request (1-based) as the test says.
 */
async function fakeGateway(answer: Answer) {
  const received: WebhookPayload[] = [];
  const keys: (string | undefined)[] = [];
  const arrivals: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      keys.push(req.headers['idempotency-key'] as string | undefined);
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookPayload);
      arrivals.splice(0).forEach((arrived) => arrived());
      answer(res, received.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** The Idempotency-Key header of each request. */
    keys,
    /** Resolves when the next request has arrived (whole body read). */
    nextRequest: () => new Promise<void>((resolve) => arrivals.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const reply = (status: number, body = '') => ((res) => res.writeHead(status).end(body)) as Answer;

/** A repair store with one ticket and, if given, the store's webhook set to `url`. */
async function storeWithTicket(url?: string) {
  const store = await repairStore();
  const ticket = await store.take();
  if (url) value(await store.as('supervisor')('settings.update', { notifyWebhookUrl: url }));
  const log = async () => value(await store.as('clerk')('notify.list', { ticket: ticket.id }));
  return { ...store, ticket, log };
}

const count = (store: Awaited<ReturnType<typeof repairStore>>, sql: string): number =>
  (store.core.sqlite.prepare(`SELECT count(*) AS n FROM ${sql}`).get() as { n: number }).n;

describe('telling the customer', () => {
  it("fills the ticket's fields into its status's message, in zh-CN and en, and a store's own template", async () => {
    const store = await storeWithTicket();
    const { as, ticket, forceStatus } = store;
    const zh = value(await as('clerk')('notify.preview', { ticket: ticket.id }));
    expect(zh).toEqual({
      ticketNo: ticket.ticketNo,
      status: 'received',
      language: 'zh-CN',
      body:
        `王伟您好，您在上海南京路店送修的Huawei Mate 60 Pro（单号 ${ticket.ticketNo}）已收到，` +
        `预计 ${ticket.promisedDate} 完成。如有疑问请致电 021-5555-0100。`,
      recipient: ticket.customer.phones[0],
      webhook: false,
    });
    forceStatus(ticket.id, 'ready');
    const en = value(await as('clerk')('notify.preview', { ticket: ticket.id, language: 'en' }));
    expect(en.status).toBe('ready');
    expect(en.body).toBe(
      `Hello 王伟, your Huawei Mate 60 Pro (ticket ${ticket.ticketNo}) at 上海南京路店 is ready. ` +
        `The charge is ¥200.00; please bring your claim receipt to 南京东路 100 号. ` +
        `Questions? Call us on 021-5555-0100.`,
    );

    value(
      await as('supervisor')('settings.update', {
        language: 'en',
        notifyTemplates: { 'zh-CN': {}, en: { ready: '{customerName}: {ticketNo} is {status} {unknown}' } },
      }),
    );
    const own = value(await as('clerk')('notify.preview', { ticket: ticket.id }));
    expect(own.language).toBe('en'); // the store's language when none is asked for
    expect(own.body).toBe(`王伟: ${ticket.ticketNo} is ready for collection {unknown}`);
  });

  it('records a manual contact attempt with who, when, which status and what was said, audited and queued for sync', async () => {
    const store = await storeWithTicket();
    const { as, ticket, crew, clock, core, log } = store;
    const before = {
      audit: count(store, 'audit_log'),
      outbox: count(store, "outbox WHERE entity = 'notifications'"),
    };

    const called = value(
      await as('clerk')('notify.record', {
        ticket: ticket.id,
        channel: 'phone',
        result: 'no_answer',
        note: '关机',
      }),
    );
    const preview = value(await as('clerk')('notify.preview', { ticket: ticket.id }));
    expect(called).toMatchObject({
      channel: 'phone',
      result: 'no_answer',
      ticketStatus: 'received',
      language: 'zh-CN',
      recipient: ticket.customer.phones[0],
      body: preview.body, // nothing typed: the status's message
      note: '关机',
      attempts: 0,
      nextAttemptAt: null,
      staff: { id: crew.clerk.id },
      at: clock.now(),
      sentAt: null,
    });
    clock.advance(60_000);
    value(
      await as('clerk')('notify.record', {
        ticket: ticket.id,
        channel: 'in_person',
        result: 'reached',
        body: '  客户到店，已告知预计周三修好  ',
      }),
    );
    const rows = await log();
    expect(rows.map((r) => [r.channel, r.result, r.body, r.recipient, r.note])).toEqual([
      ['in_person', 'reached', '客户到店，已告知预计周三修好', '', ''],
      ['phone', 'no_answer', preview.body, ticket.customer.phones[0], '关机'],
    ]);
    expect(count(store, 'audit_log')).toBe(before.audit + 2);
    expect(count(store, "outbox WHERE entity = 'notifications'")).toBe(before.outbox + 2);
    const audit = core.sqlite
      .prepare(
        "SELECT action, staff_id, details FROM audit_log WHERE entity_id = ? AND entity = 'notifications'",
      )
      .get(called.id) as { action: string; staff_id: string; details: string };
    expect(audit).toMatchObject({ action: 'notify.record', staff_id: crew.clerk.id });
    expect(JSON.parse(audit.details)).toMatchObject({ ticketNo: ticket.ticketNo, result: 'no_answer' });
    const saved = core.sqlite.prepare('SELECT note FROM notifications WHERE id = ?').get(called.id);
    expect(saved).toEqual({ note: '关机' });
  });

  it('refuses bad input with clear codes and writes nothing', async () => {
    const store = await storeWithTicket();
    const { as, ticket, core } = store;
    const before = totalChanges(core);
    const attempt = { ticket: ticket.id, channel: 'sms', result: 'reached' } as const;

    const long = await as('clerk')('notify.record', { ...attempt, body: 'x'.repeat(1001) });
    expect(long.ok || long.error).toMatchObject({ code: 'invalid_input', fields: { body: 'too_big' } });
    const channel = await as('clerk')('notify.record', { ...attempt, channel: 'email' as 'sms' });
    expect(channel.ok || channel.error).toMatchObject({
      code: 'invalid_input',
      fields: { channel: 'invalid' },
    });
    // The webhook channel is the sender's: a person cannot log an attempt as one.
    const webhook = await as('clerk')('notify.record', { ...attempt, channel: 'webhook' as 'sms' });
    expect(webhook.ok || webhook.error).toMatchObject({
      code: 'invalid_input',
      fields: { channel: 'invalid' },
    });
    const result = await as('clerk')('notify.record', { ...attempt, result: 'sent' as 'reached' });
    expect(result.ok || result.error).toMatchObject({ code: 'invalid_input', fields: { result: 'invalid' } });
    const unknown = await as('clerk')('notify.record', { ...attempt, ticket: randomUUID() });
    expect(unknown.ok || unknown.error).toMatchObject({ code: 'not_found' });
    const listUnknown = await as('clerk')('notify.list', { ticket: randomUUID() });
    expect(listUnknown.ok || listUnknown.error).toMatchObject({ code: 'not_found' });
    const notId = await as('clerk')('notify.preview', { ticket: ticket.ticketNo });
    expect(notId.ok || notId.error).toMatchObject({ code: 'invalid_input', fields: { ticket: 'invalid' } });

    expect(totalChanges(core)).toBe(before);
    expect(await store.log()).toEqual([]);
  });

  it('refuses to send, writing nothing, when the store has no webhook', async () => {
    const store = await storeWithTicket();
    const before = totalChanges(store.core);
    const refused = await store.as('clerk')('notify.send', {
      requestId: randomUUID(),
      ticket: store.ticket.id,
    });
    expect(refused.ok || refused.error).toMatchObject({
      code: 'not_supported',
      details: { setting: 'notifyWebhookUrl' },
    });
    expect(totalChanges(store.core)).toBe(before);
    expect(count(store, 'notifications')).toBe(0);
  });

  it('queues without sending, then retries a failing gateway with back-off until it takes the message', async () => {
    const gateway = await fakeGateway((res, n) =>
      n <= 2 ? reply(500, 'gateway busy')(res, n) : reply(200, '{"ok":true}')(res, n),
    );
    try {
      const store = await storeWithTicket(gateway.url);
      const { as, ticket, core, clock, log, passTime } = store;
      const queued = value(await as('clerk')('notify.send', { requestId: randomUUID(), ticket: ticket.id }));
      expect(queued).toMatchObject({
        channel: 'webhook',
        result: 'queued',
        attempts: 0,
        nextAttemptAt: clock.now(),
      });
      expect(gateway.received).toHaveLength(0); // never sent inside the request

      expect(await drainNotifications(core)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      let [row] = await log();
      expect(row).toMatchObject({
        result: 'queued',
        attempts: 1,
        lastError: 'HTTP 500: gateway busy',
        nextAttemptAt: clock.now() + retryDelay(1),
      });
      // Not due yet: nothing is sent before the back-off is over.
      expect(await drainNotifications(core)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(gateway.received).toHaveLength(1);

      clock.advance(retryDelay(1));
      expect(await drainNotifications(core)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      clock.advance(retryDelay(2));
      expect(await drainNotifications(core)).toEqual({ sent: 1, retrying: 0, failed: 0 });

      await passTime(0);
      [row] = await log();
      expect(row).toMatchObject({
        result: 'sent',
        attempts: 3,
        lastError: '',
        sentAt: clock.now(),
        nextAttemptAt: null,
      });
      expect(gateway.received).toHaveLength(3);
      // Every try carries the message's id, so the gateway can drop a repeat after a crash.
      expect(gateway.keys).toEqual([queued.id, queued.id, queued.id]);
      expect(gateway.received[2]).toEqual({
        id: queued.id,
        ticketNo: ticket.ticketNo,
        phone: ticket.customer.phones[0],
        language: 'zh-CN',
        text: queued.body,
        status: 'received',
        storeName: storeInput.store.name,
      });
      expect(queued.body).toContain(ticket.ticketNo);
      // Each try's outcome is store data headquarters sees.
      expect(count(store, `outbox WHERE entity = 'notifications' AND entity_id = '${queued.id}'`)).toBe(4);
    } finally {
      await gateway.close();
    }
  });

  it('gives up after the last try and shows the error; a person may send it again as a new attempt', async () => {
    let down = true;
    const gateway = await fakeGateway((res, n) =>
      down ? reply(503, 'down for maintenance')(res, n) : reply(204)(res, n),
    );
    try {
      const store = await storeWithTicket(gateway.url);
      const { as, ticket, core, clock, log, passTime } = store;
      const queued = value(
        await as('clerk')('notify.send', {
          requestId: randomUUID(),
          ticket: ticket.id,
          language: 'en',
          body: 'Your phone is ready',
        }),
      );
      for (let attempt = 1; attempt <= sendPolicy.maxAttempts; attempt++) {
        const summary = await drainNotifications(core);
        expect(summary.failed).toBe(attempt === sendPolicy.maxAttempts ? 1 : 0);
        clock.advance(sendPolicy.maxRetryMs);
      }
      expect(await drainNotifications(core)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(gateway.received).toHaveLength(sendPolicy.maxAttempts);
      expect(gateway.received[0]).toMatchObject({ language: 'en', text: 'Your phone is ready' });

      await passTime(0);
      const [failed] = await log();
      expect(failed).toMatchObject({
        id: queued.id,
        result: 'failed',
        attempts: sendPolicy.maxAttempts,
        lastError: 'HTTP 503: down for maintenance',
        nextAttemptAt: null,
        sentAt: null,
      });

      const sentOnce = value(
        await as('clerk')('notify.send', { requestId: randomUUID(), ticket: ticket.id }),
      );
      const again = await as('clerk')('notify.retry', { id: sentOnce.id });
      expect(again.ok || again.error).toMatchObject({ code: 'conflict' }); // only a failed one

      down = false;
      const retried = value(await as('clerk')('notify.retry', { id: queued.id }));
      expect(retried).toMatchObject({
        result: 'queued',
        attempts: 0,
        body: 'Your phone is ready',
        language: 'en',
      });
      // A second click on "send again" queues nothing more: each failed message is retried once.
      const twice = await as('clerk')('notify.retry', { id: queued.id });
      expect(twice.ok || twice.error).toMatchObject({ code: 'conflict', details: { retriedAs: retried.id } });
      expect(await drainNotifications(core)).toEqual({ sent: 2, retrying: 0, failed: 0 });
      const rows = await log();
      expect(rows.map((r) => [r.id, r.result])).toEqual([
        [retried.id, 'sent'],
        [sentOnce.id, 'sent'],
        [queued.id, 'failed'],
      ]);
    } finally {
      await gateway.close();
    }
  });

  it('queues one message for one request however often it arrives, and drops one whose moment has passed', async () => {
    const gateway = await fakeGateway(reply(200));
    try {
      const store = await storeWithTicket(gateway.url);
      const { as, ticket, core, log, forceStatus } = store;
      const requestId = randomUUID();
      const [first, second] = await Promise.all([
        as('clerk')('notify.send', { requestId, ticket: ticket.id }),
        as('clerk')('notify.send', { requestId, ticket: ticket.id }),
      ]);
      expect(value(second).id).toBe(value(first).id);
      expect(await log()).toHaveLength(1);

      forceStatus(ticket.id, 'collected'); // the customer came before the gateway was reached
      expect(await drainNotifications(core)).toEqual({ sent: 0, retrying: 0, failed: 1 });
      expect(gateway.received).toEqual([]);
      expect((await log())[0]).toMatchObject({
        result: 'failed',
        lastError: 'not sent: the ticket is collected now',
      });
    } finally {
      await gateway.close();
    }
  });

  it('says why a dead gateway failed', async () => {
    const gone = await fakeGateway(reply(200));
    await gone.close(); // nothing listens on its port now
    const { as, ticket, core, log } = await storeWithTicket(gone.url);
    value(await as('clerk')('notify.send', { requestId: randomUUID(), ticket: ticket.id }));
    expect(await drainNotifications(core)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await log())[0]?.lastError).toMatch(/ECONNREFUSED/);
  });

  it('keeps the counter answering while the gateway hangs', async () => {
    let release = () => {};
    let answered = false;
    const held = new Promise<void>((resolve) => (release = resolve));
    const gateway = await fakeGateway((res) => {
      void held.then(() => {
        answered = true;
        res.writeHead(200).end();
      });
    });
    try {
      const { as, ticket, core, crew, log, card } = await storeWithTicket(gateway.url);
      value(await as('clerk')('notify.send', { requestId: randomUUID(), ticket: ticket.id }));
      const arrived = gateway.nextRequest();
      const draining = drainNotifications(core);
      await arrived; // the sender is now waiting on the gateway

      const second = value(await as('clerk')('notify.send', { requestId: randomUUID(), ticket: ticket.id }));
      const assigned = value(
        await as('supervisor')('repair.assign', {
          ticket: ticket.id,
          version: (await card(ticket.id)).version,
          technicianId: crew.tech.id,
          note: '',
        }),
      );
      const listed = await log();
      expect(answered).toBe(false); // all of the above finished before the gateway said a word
      expect(second.result).toBe('queued');
      expect(assigned.version).toBeGreaterThan(1);
      expect(listed.map((r) => r.result)).toEqual(['queued', 'queued']);

      release();
      expect(await draining).toEqual({ sent: 2, retrying: 0, failed: 0 });
    } finally {
      release();
      await gateway.close();
    }
  });

  it('closing the core stops the sender at once; the message in flight stays queued', async () => {
    const gateway = await fakeGateway(() => {}); // never answers
    try {
      const { as, ticket, core } = await storeWithTicket(gateway.url);
      const queued = value(await as('clerk')('notify.send', { requestId: randomUUID(), ticket: ticket.id }));
      const arrived = gateway.nextRequest();
      core.notifier.start(); // what the app does; it looks for due messages at once
      await arrived;
      await core.close();

      const reopened = await openTestCore({ dataDir: core.dataDir });
      try {
        const row = reopened.sqlite
          .prepare('SELECT result, attempts, last_error FROM notifications WHERE id = ?')
          .get(queued.id);
        expect(row).toEqual({ result: 'queued', attempts: 0, last_error: '' });
      } finally {
        await reopened.close();
      }
    } finally {
      await gateway.close();
    }
  });
});
