import { sql } from 'kysely';
import { feedPageSchema, type FeedPage } from '../../../shared/master-data';
import { recordEvent } from '../changes';
import type { Ctx } from '../context';
import type { Core } from '../core';
import type { Executor } from '../db/schema';
import { readSettings } from '../settings/settings.repository';
import { applyMasterRow, removeUnseen, retireLocalCategories } from './master-apply';
import { hqRequest, SyncFailure, unexpected, type Link } from './hq-request';

/**
 * Starts a full download: from position 0, under a new generation, so that when it ends the rows it
 * did not see (deleted at headquarters while this counter was not looking) are removed.
 */
export async function startFullDownload(db: Executor): Promise<void> {
  await sql`UPDATE sync_state SET feed_cursor = 0, feed_resyncing = 1,
    feed_generation = (SELECT coalesce(max(generation), 0) + 1 FROM hq_master), feed_remaining = NULL`.execute(
    db,
  );
}

async function fetchPage(link: Link, after: number, download: boolean): Promise<FeedPage | 'expired'> {
  const query = `after=${after}${download ? '&download=1' : ''}`;
  const response = await hqRequest(link, `/v1/pull?${query}`, { method: 'GET' });
  if (response.status === 410) return 'expired';
  if (!response.ok) throw await unexpected(response);
  const parsed = feedPageSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new SyncFailure('headquarters sent a feed page this counter cannot read');
  return parsed.data;
}

/**
 * Applies headquarters' master data changes after the saved cursor, one page per SQLite transaction
 * that also moves the cursor: a counter stopped at any moment has applied whole pages and knows
 * where to go on. A 410 (the cursor is older than the feed keeps deletes) starts a full download.
 * Positions are headquarters' own, so the counter's clock plays no part. Returns the rows applied.
 */
export async function pullFeed(core: Core, link: Link): Promise<number> {
  const ctx: Ctx = { core, session: null, overrideBy: null };
  let applied = 0;
  for (;;) {
    const state = await core.db
      .selectFrom('sync_state')
      .select(['feed_cursor', 'feed_resyncing', 'feed_generation'])
      .executeTakeFirstOrThrow();
    const page = await fetchPage(link, state.feed_cursor, state.feed_resyncing === 1);
    if (page === 'expired') {
      // A download is never refused for age, only for a cursor ahead of headquarters' feed (its
      // database restored): start again from 0, which is never refused, so this cannot loop.
      if (state.feed_resyncing === 1 && state.feed_cursor === 0) {
        throw new SyncFailure('headquarters refused a download from the start');
      }
      await startFullDownload(core.db);
      continue;
    }
    const finished = page.remaining === 0;
    const changed = await applyPage(core, ctx, state, page).catch((error: unknown) => {
      throw new SyncFailure(
        `cannot apply headquarters' changes after ${state.feed_cursor}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    if (changed === null) return applied;
    applied += page.rows.length;
    // The labour rate and receipt terms live in the settings the core keeps in memory.
    if (changed > 0) core.settings = await readSettings(core.db);
    if (finished) return applied;
  }
}

type FeedState = { feed_cursor: number; feed_resyncing: 0 | 1; feed_generation: number };

/**
 * One page in one transaction with the cursor that covers it; null when the cursor moved meanwhile
 * (the counter enrolled again), else how many rows changed.
 */
function applyPage(core: Core, ctx: Ctx, state: FeedState, page: FeedPage): Promise<number | null> {
  const finished = page.remaining === 0;
  return core.db.transaction().execute(async (trx) => {
    const now = await trx.selectFrom('sync_state').select('feed_cursor').executeTakeFirst();
    if (now?.feed_cursor !== state.feed_cursor) return null;
    for (const row of page.rows) await applyMasterRow(trx, ctx, row, state.feed_generation);
    const downloaded = finished && state.feed_resyncing === 1;
    const removed = downloaded
      ? (await removeUnseen(trx, ctx, state.feed_generation)) + (await retireLocalCategories(trx, ctx))
      : 0;
    await trx
      .updateTable('sync_state')
      .set({
        feed_cursor: page.last,
        feed_remaining: page.remaining,
        feed_resyncing: finished ? 0 : state.feed_resyncing,
        last_pull_at: core.now(),
      })
      .execute();
    if (page.rows.length > 0 || removed > 0) {
      await recordEvent(trx, ctx, {
        action: 'sync.pull',
        entity: 'hq_master',
        entityId: String(page.last),
        details: { from: state.feed_cursor, to: page.last, rows: page.rows.length, removed },
      });
    }
    return page.rows.length + removed;
  });
}
