import { createHash } from 'node:crypto';
import { newId } from '../../../shared/ids';
import type { CustodyMovementsTable, Tx } from '../db/schema';

export const genesisHash = '0'.repeat(64);

type Movement = Omit<CustodyMovementsTable, 'id' | 'seq' | 'prev_hash' | 'hash'>;

/** The hash of one entry: its content and the previous entry's hash, so an edit breaks the chain. */
export function custodyHash(entry: Omit<CustodyMovementsTable, 'hash'>): string {
  const content = [
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
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * Appends a movement of a customer's device to the store's custody ledger (append-only, enforced by
 * triggers), chained to the previous entry by hash.
 */
export async function appendCustody(trx: Tx, movement: Movement): Promise<CustodyMovementsTable> {
  const last = await trx
    .selectFrom('custody_movements')
    .select(['seq', 'hash'])
    .where('store_id', '=', movement.store_id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const entry = { ...movement, id: newId(), seq: (last?.seq ?? 0) + 1, prev_hash: last?.hash ?? genesisHash };
  const row = { ...entry, hash: custodyHash(entry) };
  await trx.insertInto('custody_movements').values(row).execute();
  return row;
}
