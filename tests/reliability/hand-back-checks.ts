import type { SqliteHandle } from '../../electron/core/db/open';
import type { PaymentsTable } from '../../electron/core/db/schema';
import type { PickupsTable, SignaturesTable } from '../../electron/core/payments/money.tables';

/** Items by a key of theirs, in their order. */
export const groupBy = <T>(items: T[], key: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

const pngMagic = '89504e470d0a1a0a';

/**
 * A collected ticket has everything a hand-back writes, exactly once, and its payments settle the
 * bill; a ticket not collected has none of it.
 */
export function handBacks(
  sqlite: SqliteHandle,
  payments: PaymentsTable[],
  pickups: PickupsTable[],
): string[] {
  const problems: string[] = [];
  const tickets = sqlite.prepare('SELECT id, status, claim_void_reason, collected_at FROM tickets').all() as {
    id: string;
    status: string;
    claim_void_reason: string;
    collected_at: number | null;
  }[];
  const count = (query: string) =>
    new Map((sqlite.prepare(query).all() as { id: string; n: number }[]).map((row) => [row.id, row.n]));
  const handedBack = count(
    "SELECT ticket_id AS id, count(*) AS n FROM custody_movements WHERE kind = 'handed_back' GROUP BY ticket_id",
  );
  const collectedEvents = count(
    "SELECT ticket_id AS id, count(*) AS n FROM ticket_events WHERE to_status = 'collected' GROUP BY ticket_id",
  );
  const signaturesOf = count('SELECT ticket_id AS id, count(*) AS n FROM signatures GROUP BY ticket_id');
  const place = new Map(
    (
      sqlite.prepare('SELECT ticket_id AS id, place FROM custody_state').all() as {
        id: string;
        place: string;
      }[]
    ).map((row) => [row.id, row.place]),
  );
  const signatures = new Map(
    (sqlite.prepare('SELECT * FROM signatures').all() as SignaturesTable[]).map((row) => [row.id, row]),
  );
  const pickupsOf = groupBy(pickups, (row) => row.ticket_id);
  const ledgerOf = groupBy(payments, (row) => row.ticket_id);
  for (const ticket of tickets) {
    const ledger = ledgerOf.get(ticket.id) ?? [];
    const net = ledger.reduce((sum, p) => sum + (p.kind === 'refund' ? -p.amount_fen : p.amount_fen), 0);
    const own = pickupsOf.get(ticket.id) ?? [];
    const says = (what: string) => problems.push(`ticket ${ticket.id} (${ticket.status}): ${what}`);
    if (ticket.status !== 'collected') {
      if (own.length > 0) says('a pickups row without the collected ticket');
      if ((handedBack.get(ticket.id) ?? 0) > 0) says('handed back in custody, not collected');
      if ((signaturesOf.get(ticket.id) ?? 0) > 0) says('a signature without a hand-back');
      if (place.get(ticket.id) !== 'on_premises') says(`custody says ${String(place.get(ticket.id))}`);
      if (ticket.claim_void_reason !== '') says('claim receipt voided without a hand-back');
      if (ledger.some((p) => p.kind === 'refund')) says('a refund without a hand-back');
      continue;
    }
    const pickup = own[0];
    if (own.length !== 1 || !pickup) {
      says(`${own.length} pickups rows`);
      continue;
    }
    const signature = signatures.get(pickup.signature_id);
    if (!signature || signature.ticket_id !== ticket.id || signature.mime !== 'image/png')
      says('no signature');
    else if (Buffer.from(signature.data).subarray(0, 8).toString('hex') !== pngMagic)
      says('signature not a PNG');
    if ((signaturesOf.get(ticket.id) ?? 0) !== 1) says(`${signaturesOf.get(ticket.id) ?? 0} signatures`);
    if (handedBack.get(ticket.id) !== 1)
      says(`${handedBack.get(ticket.id) ?? 0} handed_back custody entries`);
    if (collectedEvents.get(ticket.id) !== 1) says(`${collectedEvents.get(ticket.id) ?? 0} collected events`);
    if (place.get(ticket.id) !== 'with_customer') says(`custody says ${String(place.get(ticket.id))}`);
    if (ticket.claim_void_reason === '' || ticket.collected_at === null) says('claim receipt not voided');
    const bill = JSON.parse(pickup.bill) as { balanceFen: number; paidFen: number };
    const owed = pickup.charges_fen - pickup.discounts_fen;
    if (bill.balanceFen !== 0 || bill.paidFen !== net || pickup.paid_fen !== net || owed !== net) {
      says(
        `not settled: charges ${owed}, stored paid ${pickup.paid_fen}, ledger ${net}, bill ${bill.balanceFen}`,
      );
    }
  }
  return problems;
}
