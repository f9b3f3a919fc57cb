import { createHash } from 'node:crypto';
import {
  deriveCustody,
  stateAfter,
  type CustodyState,
  type LedgerEntry,
  type LedgerKind,
  type MovementDetails,
  type MovementKind,
} from '../../../shared/custody';
import { newId } from '../../../shared/ids';
import type { CustodyMovementsTable, Executor, Tx } from '../db/schema';
import type { CustodyStateTable } from '../db/schema-goods';

export const genesisHash = '0'.repeat(64);

type Movement = Omit<CustodyMovementsTable, 'id' | 'seq' | 'prev_hash' | 'hash' | 'details' | 'reverses'> & {
  kind: LedgerKind;
  details?: MovementDetails;
  reverses?: string | null;
};

/**
 * The hash of one entry: its content and the previous entry's hash, so an edit breaks the chain.
 * `details` and `reverses` (added in migration 0004) count only when present, so entries written
 * before them keep their hashes.
 */
export function custodyHash(entry: Omit<CustodyMovementsTable, 'hash'>): string {
  const content: unknown[] = [
    entry.id,
    entry.store_id,
    entry.seq,
    entry.ticket_id,
    entry.device_id,
    entry.kind,
    entry.location,
    entry.staff_id,
    entry.at,
    entry.note,
    entry.prev_hash,
  ];
  if (entry.details !== '{}' || entry.reverses !== null) content.push(entry.details, entry.reverses);
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export const toLedgerEntry = (
  row: Pick<CustodyMovementsTable, 'id' | 'seq' | 'kind' | 'location' | 'at' | 'details' | 'reverses'>,
): LedgerEntry => ({
  id: row.id,
  seq: row.seq,
  kind: row.kind as LedgerKind,
  location: row.location,
  at: row.at,
  details: JSON.parse(row.details) as MovementDetails,
  reverses: row.reverses,
});

/** A `custody_state` row as the rules see it. */
export const toCustodyState = (row: CustodyStateTable): CustodyState => ({
  place: row.place,
  location: row.location,
  kind: row.kind as MovementKind,
  entryId: row.entry_id,
  since: row.since,
  details: JSON.parse(row.details) as MovementDetails,
});

/** Where a ticket's device is now, as kept beside the ledger; null before its intake. */
export async function currentState(db: Executor, ticketId: string): Promise<CustodyState | null> {
  const row = await db
    .selectFrom('custody_state')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  return row ? toCustodyState(row) : null;
}

/** A ticket's entries in ledger order. */
export const entriesOfTicket = (db: Executor, ticketId: string) =>
  db.selectFrom('custody_movements').selectAll().where('ticket_id', '=', ticketId).orderBy('seq').execute();

/**
 * Appends a movement of a customer's device to the store's custody ledger (append-only, enforced by
 * triggers), chained to the previous entry by hash, and moves the device's current state with it in
 * the same transaction. The caller has checked the movement against the rules.
 */
export async function appendCustody(
  trx: Tx,
  movement: Movement,
): Promise<{ entry: CustodyMovementsTable; state: CustodyState | null }> {
  const last = await trx
    .selectFrom('custody_movements')
    .select(['seq', 'hash'])
    .where('store_id', '=', movement.store_id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const { details = {}, reverses = null, ...rest } = movement;
  const entry = {
    ...rest,
    id: newId(),
    seq: (last?.seq ?? 0) + 1,
    prev_hash: last?.hash ?? genesisHash,
    details: JSON.stringify(details),
    reverses,
  };
  const row = { ...entry, hash: custodyHash(entry) };
  await trx.insertInto('custody_movements').values(row).execute();
  const state =
    row.kind === 'reversal'
      ? stateBeforeLatest(await entriesOfTicket(trx, row.ticket_id))
      : stateAfter({ ...toLedgerEntry(row), kind: row.kind as MovementKind });
  await saveState(trx, row, state);
  return { entry: row, state };
}

/** Where a device is after a reversal: the fold of its entries, the reversal included. */
function stateBeforeLatest(rows: CustodyMovementsTable[]): CustodyState | null {
  const derived = deriveCustody(rows.map(toLedgerEntry));
  if ('brokenAt' in derived) throw new Error(`Custody entry ${derived.brokenAt.id} breaks the rules`);
  return derived.state;
}

async function saveState(trx: Tx, row: CustodyMovementsTable, state: CustodyState | null): Promise<void> {
  if (!state) {
    await trx.deleteFrom('custody_state').where('ticket_id', '=', row.ticket_id).execute();
    return;
  }
  const values = {
    place: state.place,
    location: state.location,
    kind: state.kind,
    entry_id: state.entryId,
    since: state.since,
    details: JSON.stringify(state.details),
  };
  await trx
    .insertInto('custody_state')
    // A device's state row is created by its first entry (intake), which is when it came in.
    .values({
      ticket_id: row.ticket_id,
      store_id: row.store_id,
      device_id: row.device_id,
      received_at: row.at,
      ...values,
    })
    .onConflict((oc) => oc.column('ticket_id').doUpdateSet(values))
    .execute();
}
