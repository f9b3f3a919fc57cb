import { sql } from 'kysely';
import type { SyncStatus } from '../../../shared/contract-sync';
import type { OutputOf, ParsedInputOf } from '../../../shared/contract';
import { failWith } from '../../../shared/result';
import { recordEvent } from '../changes';
import type { Ctx } from '../context';
import type { Core } from '../core';
import { localStore } from '../store/store.repository';
import { SyncFailure, type Link } from './hq-request';
import { pullFeed, startFullDownload } from './pull-client';
import { pushOutbox } from './push-client';

const maxErrorLength = 300;

/** The secret as stored: protected by the host where it can (Electron's safeStorage). */
const protect = (core: Core, secret: string) =>
  core.platform.protectSecret ? core.platform.protectSecret(secret) : `plain:${secret}`;
const reveal = (core: Core, stored: string) =>
  stored.startsWith('plain:') ? stored.slice(6) : (core.platform.revealSecret?.(stored) ?? '');

const instanceId = async (core: Core) =>
  (
    await core.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'db_instance_id')
      .executeTakeFirstOrThrow()
  ).value;

/** How to reach headquarters as this device; null before the counter is enrolled. */
export async function linkOf(core: Core): Promise<Link | null> {
  const state = await core.db.selectFrom('sync_state').selectAll().executeTakeFirst();
  if (!state) return null;
  return {
    serverUrl: state.server_url,
    deviceId: state.device_id,
    secret: reveal(core, state.secret),
    dbInstanceId: await instanceId(core),
  };
}

/** What the counter shows about sync: last success, what waits and since when, the last error. */
export async function syncStatus(core: Core): Promise<SyncStatus> {
  const [state, outbox] = await Promise.all([
    core.db.selectFrom('sync_state').selectAll().executeTakeFirst(),
    core.db
      .selectFrom('outbox')
      .select(({ fn }) => [fn.countAll<number>().as('depth'), fn.min<number>('created_at').as('oldest')])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    enrolled: state !== undefined,
    serverUrl: state?.server_url ?? '',
    storeCode: state?.store_code ?? '',
    outboxDepth: Number(outbox.depth),
    oldestUnsentAt: outbox.oldest === null ? null : Number(outbox.oldest),
    lastAttemptAt: state?.last_attempt_at ?? null,
    lastSuccessAt: state?.last_success_at ?? null,
    lastError: state?.last_error ?? '',
    lastErrorAt: state?.last_error_at ?? null,
    lastPullAt: state?.last_pull_at ?? null,
    downloading: state?.feed_resyncing === 1,
    downloadRemaining: state?.feed_remaining ?? null,
  };
}

export const status = (ctx: Ctx): Promise<OutputOf<'sync.status'>> => syncStatus(ctx.core);

/**
 * Enrols this counter with headquarters: the one-time code buys a device credential for this
 * store (headquarters checks the code was made for it). The secret is kept protected by the host.
 */
export async function enrol(ctx: Ctx, input: ParsedInputOf<'sync.enrol'>): Promise<OutputOf<'sync.enrol'>> {
  const store = await localStore(ctx);
  const response = await fetch(`${input.serverUrl.replace(/\/$/, '')}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: input.code,
      deviceName: input.deviceName,
      storeId: store.id,
      storeCode: store.code,
    }),
    signal: AbortSignal.timeout(15_000),
  }).catch(() =>
    failWith('conflict', 'Headquarters cannot be reached', { fields: { serverUrl: 'unreachable' } }),
  );
  if (!response.ok) {
    const refusal = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
    return failWith(
      'conflict',
      `Headquarters refused the enrolment (${refusal.error?.code ?? response.status})`,
      {
        fields: { code: refusal.error?.code === 'conflict' ? 'other_store' : 'code_refused' },
      },
    );
  }
  const credential = (await response.json()) as { deviceId: string; secret: string; storeCode: string };
  const now = ctx.core.now();
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = {
      id: 1 as const,
      server_url: input.serverUrl,
      device_id: credential.deviceId,
      secret: protect(ctx.core, credential.secret),
      store_code: credential.storeCode,
      enrolled_at: now,
      last_attempt_at: null,
      last_success_at: null,
      last_error: '',
      last_error_at: null,
      feed_cursor: 0,
      feed_resyncing: 1 as const,
      feed_generation: 1,
      feed_remaining: null,
      last_pull_at: null,
    };
    await sql`DELETE FROM sync_state`.execute(trx);
    await trx.insertInto('sync_state').values(row).execute();
    // A new link downloads all of headquarters' master data again.
    await startFullDownload(trx);
    await recordEvent(trx, ctx, {
      action: 'sync.enrol',
      entity: 'sync_state',
      entityId: credential.deviceId,
      details: { serverUrl: input.serverUrl, deviceId: credential.deviceId },
    });
  });
  return syncStatus(ctx.core);
}

/**
 * One push of everything waiting, then one pull of what headquarters changed, recorded in the status
 * either way. Never throws for the network: a failure is the status's last error, and the counter's
 * data is as the last acknowledged batch and the last applied page left it.
 */
export async function syncOnce(core: Core): Promise<SyncStatus> {
  const link = await linkOf(core);
  if (!link) return syncStatus(core);
  const startedAt = core.now();
  try {
    // Push first: headquarters hears what the store did before the store hears what changed.
    await pushOutbox(core, link);
    await pullFeed(core, link);
    await core.db
      .updateTable('sync_state')
      .set({ last_attempt_at: startedAt, last_success_at: core.now(), last_error: '', last_error_at: null })
      .execute();
  } catch (error) {
    if (!(error instanceof SyncFailure)) throw error;
    await core.db
      .updateTable('sync_state')
      .set({
        last_attempt_at: startedAt,
        last_error: error.message.slice(0, maxErrorLength),
        last_error_at: core.now(),
      })
      .execute();
  }
  return syncStatus(core);
}

/** "Sync now": one push, queued behind a background run if one is under way. */
export async function now(ctx: Ctx): Promise<OutputOf<'sync.now'>> {
  await ctx.core.syncer.run();
  return syncStatus(ctx.core);
}
