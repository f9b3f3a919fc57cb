import { isDeepStrictEqual } from 'node:util';
import { deriveCustody, type CustodyState } from '../../../shared/custody';
import type { SqliteHandle } from '../db/open';
import type { CustodyMovementsTable } from '../db/schema';
import type { CustodyStateTable } from '../db/schema-goods';
import { custodyHash, genesisHash, toCustodyState, toLedgerEntry } from './custody-ledger';
import { nextTurn } from '../next-turn';

export type BrokenLink = {
  storeId: string;
  seq: number;
  entryId: string | null;
  ticketId: string | null;
  reason: 'hash_mismatch' | 'broken_link' | 'seq_gap' | 'rule' | 'state_mismatch';
};

export type LedgerReport = { entries: number; firstBroken: BrokenLink | null };

/** Rows read per query: between batches the event loop runs, so the counter stays responsive. */
const batchSize = 5_000;

/**
 * Checks the custody ledger of every store on this database, entry by entry in chain order: each
 * `seq` follows the last, each `prev_hash` is the previous entry's hash, and each `hash` is what
 * the entry's content gives. Then, ticket by ticket, that the entries obey the movement rules and
 * that where the app says each device is (`custody_state`) is what its entries give. Reports the
 * first break, so a row edited behind the app's back is named.
 */
export async function verifyCustodyLedger(
  sqlite: SqliteHandle,
  onProgress: (entries: number) => void = () => {},
): Promise<LedgerReport> {
  const stores = sqlite.prepare('SELECT id FROM stores ORDER BY id').pluck().all() as string[];
  let entries = 0;
  for (const storeId of stores) {
    const chain = await verifyChain(sqlite, storeId, (n) => onProgress(entries + n));
    entries += chain.entries;
    if (chain.firstBroken) return { entries, firstBroken: chain.firstBroken };
  }
  const states = await verifyStates(sqlite);
  return { entries, firstBroken: states };
}

async function verifyChain(sqlite: SqliteHandle, storeId: string, onProgress: (entries: number) => void) {
  const page = sqlite.prepare(
    'SELECT * FROM custody_movements WHERE store_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  let previous = { seq: 0, hash: genesisHash };
  let entries = 0;
  const broken = (row: CustodyMovementsTable, reason: BrokenLink['reason']) => ({
    entries,
    firstBroken: { storeId, seq: row.seq, entryId: row.id, ticketId: row.ticket_id, reason },
  });
  for (;;) {
    const rows = page.all(storeId, previous.seq, batchSize) as CustodyMovementsTable[];
    for (const row of rows) {
      if (row.seq !== previous.seq + 1) {
        return {
          entries,
          firstBroken: {
            storeId,
            seq: previous.seq + 1,
            entryId: null,
            ticketId: null,
            reason: 'seq_gap' as const,
          },
        };
      }
      if (row.prev_hash !== previous.hash) return broken(row, 'broken_link');
      if (custodyHash(row) !== row.hash) return broken(row, 'hash_mismatch');
      previous = { seq: row.seq, hash: row.hash };
      entries += 1;
    }
    onProgress(entries);
    if (rows.length < batchSize) return { entries, firstBroken: null };
    await nextTurn();
  }
}

/** Walks the ledger in ticket order beside `custody_state` (both keyed by ticket). */
async function verifyStates(sqlite: SqliteHandle): Promise<BrokenLink | null> {
  const page = sqlite.prepare(
    `SELECT * FROM custody_movements WHERE (ticket_id, seq) > (?, ?) ORDER BY ticket_id, seq LIMIT ?`,
  );
  const stateOf = sqlite.prepare('SELECT * FROM custody_state WHERE ticket_id = ?');
  const statesWithoutEntries = sqlite.prepare(
    `SELECT s.ticket_id, s.store_id FROM custody_state s
     WHERE NOT EXISTS (SELECT 1 FROM custody_movements m WHERE m.ticket_id = s.ticket_id) LIMIT 1`,
  );
  let after = { ticketId: '', seq: 0 };
  let ticketRows: CustodyMovementsTable[] = [];
  const check = (rows: CustodyMovementsTable[]): BrokenLink | null => {
    const first = rows[0];
    if (!first) return null;
    const at = (row: CustodyMovementsTable, reason: BrokenLink['reason']): BrokenLink => ({
      storeId: row.store_id,
      seq: row.seq,
      entryId: row.id,
      ticketId: row.ticket_id,
      reason,
    });
    const derived = deriveCustody(rows.map(toLedgerEntry));
    if ('brokenAt' in derived) return at(rows.find((r) => r.id === derived.brokenAt.id) ?? first, 'rule');
    const saved = stateOf.get(first.ticket_id) as CustodyStateTable | undefined;
    const consistent = sameState(derived.state, saved) && (!saved || saved.received_at === first.at);
    return consistent ? null : at(rows.at(-1) ?? first, 'state_mismatch');
  };
  for (;;) {
    const rows = page.all(after.ticketId, after.seq, batchSize) as CustodyMovementsTable[];
    for (const row of rows) {
      if (ticketRows.length > 0 && ticketRows[0]?.ticket_id !== row.ticket_id) {
        const broken = check(ticketRows);
        if (broken) return broken;
        ticketRows = [];
      }
      ticketRows.push(row);
      after = { ticketId: row.ticket_id, seq: row.seq };
    }
    if (rows.length < batchSize) break;
    await nextTurn();
  }
  const broken = check(ticketRows);
  if (broken) return broken;
  const orphan = statesWithoutEntries.get() as { ticket_id: string; store_id: string } | undefined;
  return orphan
    ? {
        storeId: orphan.store_id,
        seq: 0,
        entryId: null,
        ticketId: orphan.ticket_id,
        reason: 'state_mismatch',
      }
    : null;
}

function sameState(derived: CustodyState | null, saved: CustodyStateTable | undefined): boolean {
  if (!derived || !saved) return !derived && !saved;
  return isDeepStrictEqual(toCustodyState(saved), derived);
}
