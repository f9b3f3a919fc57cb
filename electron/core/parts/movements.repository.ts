import type { Movement } from '../../../shared/parts';
import type { Executor } from '../db/schema';

/** Stock ledger entries as people read them: with who did it, who allowed it, and the ticket number. */
function movementsQuery(db: Executor) {
  return db
    .selectFrom('stock_movements as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .leftJoin('staff as o', 'o.id', 'm.override_by')
    .leftJoin('tickets as t', 't.id', 'm.ticket_id')
    .select([
      'm.id',
      'm.seq',
      'm.part_id',
      'm.kind',
      'm.quantity',
      'm.balance_after',
      'm.ticket_id',
      't.ticket_no',
      'm.vendor',
      'm.rma_no',
      'm.reason',
      'm.staff_id',
      's.name as staff_name',
      'm.override_by',
      'o.name as override_name',
      'm.at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof movementsQuery>['execute']>>[number];

const toMovement = (row: Row): Movement => ({
  id: row.id,
  seq: row.seq,
  partId: row.part_id,
  kind: row.kind,
  quantity: row.quantity,
  balanceAfter: row.balance_after,
  ticketId: row.ticket_id,
  ticketNo: row.ticket_no,
  vendor: row.vendor,
  rmaNo: row.rma_no,
  reason: row.reason,
  staff: { id: row.staff_id, name: row.staff_name },
  overrideBy: row.override_by ? { id: row.override_by, name: row.override_name ?? '' } : null,
  at: row.at,
});

export async function loadMovement(db: Executor, id: string): Promise<Movement> {
  return toMovement(await movementsQuery(db).where('m.id', '=', id).executeTakeFirstOrThrow());
}

/** A part's entries, newest first, a page at a time. */
export async function listMovements(
  db: Executor,
  partId: string,
  page: { limit: number; beforeSeq?: number },
): Promise<Movement[]> {
  let query = movementsQuery(db).where('m.part_id', '=', partId);
  if (page.beforeSeq !== undefined) query = query.where('m.seq', '<', page.beforeSeq);
  const rows = await query.orderBy('m.seq', 'desc').limit(page.limit).execute();
  return rows.map(toMovement);
}
