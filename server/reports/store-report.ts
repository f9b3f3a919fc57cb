import Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { ReportKind, ReportResult } from '../../shared/contract-reports';
import { migrate } from '../../electron/core/db/migrate';
import { kyselyFor } from '../../electron/core/db/open';
import { defaultCategories } from '../../electron/core/catalogue/default-catalogue';
import { computeReport } from '../../electron/core/reports/reports';
import { fillReportFacts } from '../../electron/core/reports/report-facts';
import type { HqDatabase } from '../db/schema';
import { HqError } from '../stores';

/** What the reports read, as the store pushed it. */
const reportEntities = [
  'stores',
  'tickets',
  'devices',
  'ticket_events',
  'labour_entries',
  'repair_checks',
  'payments',
  'stock_movements',
  'parts',
  'follow_ups',
  'follow_up_calls',
  'complaints',
  'repair_calls',
] as const;

/** Rows fetched from PostgreSQL at a time: a store's years of tickets never sit in memory twice. */
const page = 5000;

/**
 * One store's report at headquarters, figure for figure what its counter shows: the store's pushed
 * rows are loaded into a private in-memory copy of the counter's schema (the same migrations), the
 * derived work credits are rebuilt there, and the counter's own report code runs on it.
 */
export async function storeReport(
  db: HqDatabase,
  storeCode: string,
  kind: ReportKind,
  range: { from: string; to: string },
  now: number,
): Promise<{ code: string; name: string; result: ReportResult }> {
  const store = await db
    .selectFrom('hq_stores')
    .select(['id', 'code', 'name', 'local_id'])
    .where('code', '=', storeCode)
    .executeTakeFirst();
  if (!store) throw new HqError('not_found', `No store ${storeCode}`);
  if (!store.local_id) throw new HqError('not_found', `${storeCode} has no counter enrolled yet`);
  const sqlite = new Database(':memory:');
  try {
    sqlite.pragma('foreign_keys = OFF'); // only the rows the reports read are here
    await migrate(kyselyFor(sqlite));
    for (const entity of reportEntities) await loadRows(db, sqlite, store.id, entity);
    // Tickets pushed before the store had migration 0011 lack the report columns: filled in here as
    // the migration did at the counter (their devices and events say), then the work credits.
    fillReportFacts(sqlite);
    const timeZone = sqlite.prepare('SELECT time_zone FROM stores WHERE id = ?').pluck().get(store.local_id);
    if (typeof timeZone !== 'string')
      throw new HqError('not_found', `${storeCode} has not pushed its profile yet`);
    const result = computeReport(sqlite, { id: store.local_id, timeZone }, kind, range, now);
    if ('categories' in result) result.categories = await categoryNames(db, store.id);
    if (result.kind === 'technicians') {
      const names = await staffNames(db, store.id);
      for (const row of result.rows) row.name = names.get(row.technicianId) ?? row.name;
    }
    return { code: store.code, name: store.name, result };
  } finally {
    sqlite.close();
  }
}

async function loadRows(db: HqDatabase, sqlite: Database.Database, hqStoreId: string, entity: string) {
  const columns = new Set(
    (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(entity) as string[]).filter(
      (name) => name !== 'data', // photo and signature bytes: no report reads them
    ),
  );
  const insert = (row: Record<string, unknown>) => {
    const keys = Object.keys(row).filter((key) => columns.has(key));
    sqlite
      .prepare(
        `INSERT OR REPLACE INTO ${entity} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
      )
      .run(...keys.map((key) => toSqlite(row[key])));
  };
  for (let after = ''; ;) {
    const rows = await db
      .selectFrom('hq_rows')
      .select(['entity_id', 'payload'])
      .where('store_id', '=', hqStoreId)
      .where('entity', '=', entity)
      .where('deleted', '=', false)
      .where('entity_id', '>', after)
      // Of a ticket's events only those that finish its work matter (the fill-in reads them).
      .$if(entity === 'ticket_events', (query) =>
        query.where(sql<string>`payload ->> 'to_status'`, 'in', ['ready', 'returned_unrepaired', 'replaced']),
      )
      .orderBy('entity_id')
      .limit(page)
      .execute();
    sqlite.transaction(() => rows.forEach((row) => insert(row.payload as Record<string, unknown>)))();
    if (rows.length < page) return;
    after = rows.at(-1)?.entity_id ?? after;
  }
}

const toSqlite = (value: unknown) =>
  typeof value === 'boolean'
    ? Number(value)
    : value !== null && typeof value === 'object'
      ? JSON.stringify(value)
      : value;

/** Names of the store's staff: those headquarters publishes, and those the store made itself. */
async function staffNames(db: HqDatabase, hqStoreId: string): Promise<Map<string, string>> {
  const [published, own] = await Promise.all([
    db.selectFrom('hq_master').select(['entity_id', 'payload']).where('entity', '=', 'staff').execute(),
    db
      .selectFrom('hq_quarantine')
      .select(['entity_id', 'payload'])
      .where('entity', '=', 'staff')
      .where('store_id', '=', hqStoreId)
      .orderBy('received_at')
      .execute(),
  ]);
  const names = new Map<string, string>();
  for (const row of [...published, ...own]) {
    const name = (row.payload as { name?: unknown } | null)?.name;
    if (typeof name === 'string') names.set(row.entity_id, name);
  }
  return names;
}

/**
 * Category names as the store has them: the standard catalogue, then the store's own edits (which
 * headquarters holds in quarantine), then what headquarters publishes (which the store applies).
 */
async function categoryNames(
  db: HqDatabase,
  hqStoreId: string,
): Promise<Record<string, { zh: string; en: string }>> {
  const names: Record<string, { zh: string; en: string }> = Object.fromEntries(
    defaultCategories.map((category) => [category.id, { zh: category.nameZh, en: category.nameEn }]),
  );
  const [own, published] = await Promise.all([
    db
      .selectFrom('hq_quarantine')
      .select(['entity_id', 'payload'])
      .where('entity', '=', 'categories')
      .where('store_id', '=', hqStoreId)
      .orderBy('received_at')
      .execute(),
    db
      .selectFrom('hq_master')
      .select(['entity_id', 'payload'])
      .where('entity', '=', 'categories')
      .where('deleted', '=', false)
      .execute(),
  ]);
  for (const row of [...own, ...published]) {
    const payload = row.payload as {
      name_zh?: unknown;
      name_en?: unknown;
      nameZh?: unknown;
      nameEn?: unknown;
    } | null;
    const zh = payload?.name_zh ?? payload?.nameZh;
    const en = payload?.name_en ?? payload?.nameEn;
    if (typeof zh === 'string' && typeof en === 'string') names[row.entity_id] = { zh, en };
  }
  return names;
}
