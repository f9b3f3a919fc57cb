import type { RepairCard } from '../../../shared/contract-repair';
import type { TicketStatus } from '../../../shared/ticket-status';
import type { Executor } from '../db/schema';
import { needsApproval, type Ticket } from './ticket-change';

type Person = { id: string; name: string };

/** Pairs each send to a vendor with the return that followed it; reversed entries do not count. */
function vendorTrips(
  entries: { id: string; kind: string; at: number; details: string; reverses: string | null }[],
): RepairCard['vendorTrips'] {
  const reversed = new Set(entries.flatMap((e) => (e.reverses ? [e.reverses, e.id] : [])));
  const trips: RepairCard['vendorTrips'] = [];
  for (const entry of entries.filter((e) => !reversed.has(e.id))) {
    const details = JSON.parse(entry.details) as { vendor?: string; rmaNo?: string; expectedBack?: string };
    if (entry.kind === 'to_vendor') {
      trips.push({
        vendor: details.vendor ?? '',
        rmaNo: details.rmaNo ?? '',
        sentAt: entry.at,
        expectedBack: details.expectedBack ?? null,
        returnedAt: null,
      });
    }
    const open = trips.at(-1);
    if (entry.kind === 'from_vendor' && open && open.returnedAt === null) open.returnedAt = entry.at;
  }
  return trips;
}

/** Everything the repair card and the service voucher show about one ticket. */
export async function loadRepairCard(db: Executor, ticket: Ticket): Promise<RepairCard> {
  const id = ticket.id;
  const [labour, timers, parts, approvals, checks, custody, events] = await Promise.all([
    db.selectFrom('labour_entries').selectAll().where('ticket_id', '=', id).orderBy('at').execute(),
    db.selectFrom('labour_timers').selectAll().where('ticket_id', '=', id).execute(),
    db
      .selectFrom('stock_movements as m')
      .innerJoin('parts as p', 'p.id', 'm.part_id')
      .innerJoin('staff as s', 's.id', 'm.staff_id')
      .leftJoin('repair_parts as r', 'r.movement_id', 'm.id')
      .select([
        'm.id',
        'm.part_id',
        'm.quantity',
        'm.at',
        'p.sku',
        'p.name',
        'p.price_fen',
        's.name as staff_name',
      ])
      .select(['r.old_part', 'r.price_fen as fitted_price_fen'])
      .where('m.ticket_id', '=', id)
      .where('m.kind', '=', 'used')
      .orderBy('m.seq')
      .execute(),
    db.selectFrom('approvals').selectAll().where('ticket_id', '=', id).orderBy('at').execute(),
    db.selectFrom('repair_checks').selectAll().where('ticket_id', '=', id).orderBy('at').execute(),
    db
      .selectFrom('custody_movements')
      .select(['id', 'kind', 'at', 'details', 'reverses'])
      .where('ticket_id', '=', id)
      .orderBy('seq')
      .execute(),
    db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', id).orderBy('at').execute(),
  ]);
  const staffIds = new Set<string>(
    [
      ticket.assigned_to,
      ticket.diagnosed_by,
      ticket.checked_by,
      ...labour.flatMap((l) => [l.technician_id, l.recorded_by]),
      ...timers.map((t) => t.technician_id),
      ...approvals.map((a) => a.recorded_by),
      ...checks.map((c) => c.staff_id),
      ...events.map((e) => e.staff_id),
    ].filter((s): s is string => !!s),
  );
  const staff =
    staffIds.size === 0
      ? []
      : await db
          .selectFrom('staff')
          .select(['id', 'name'])
          .where('id', 'in', [...staffIds])
          .execute();
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const person = (staffId: string | null): Person | null =>
    staffId ? { id: staffId, name: names.get(staffId) ?? '' } : null;
  const reversed = new Set(labour.flatMap((l) => (l.reverses ? [l.reverses] : [])));
  const perTechnician = new Map<string, number>();
  for (const entry of labour) {
    perTechnician.set(entry.technician_id, (perTechnician.get(entry.technician_id) ?? 0) + entry.minutes);
  }

  return {
    ticketId: id,
    ticketNo: ticket.ticket_no,
    status: ticket.status as TicketStatus,
    version: ticket.version,
    assignedTo: person(ticket.assigned_to),
    diagnosis: ticket.diagnosis,
    cause: ticket.cause,
    actionTaken: ticket.action_taken,
    diagnosedBy: person(ticket.diagnosed_by),
    estimateFen: ticket.estimate_fen,
    diagnosisFeeFen: ticket.diagnosis_fee_fen,
    costLimitFen: ticket.cost_limit_fen,
    approvedFen: ticket.approved_fen,
    needsApproval: needsApproval(ticket),
    chargeBasis: ticket.charge_basis,
    labour: labour.map((l) => ({
      id: l.id,
      technician: person(l.technician_id) ?? { id: l.technician_id, name: '' },
      minutes: l.minutes,
      startedAt: l.started_at,
      endedAt: l.ended_at,
      source: l.source,
      reverses: l.reverses,
      reversed: reversed.has(l.id),
      note: l.note,
      at: l.at,
    })),
    labourByTechnician: [...perTechnician]
      .filter(([, minutes]) => minutes !== 0)
      .map(([technicianId, minutes]) => ({
        technician: person(technicianId) ?? { id: technicianId, name: '' },
        minutes,
      })),
    timers: timers.map((t) => ({
      technician: person(t.technician_id) ?? { id: t.technician_id, name: '' },
      startedAt: t.started_at,
    })),
    parts: parts.map((p) => ({
      movementId: p.id,
      partId: p.part_id,
      sku: p.sku,
      name: p.name,
      quantity: -p.quantity,
      // Taken back to stock: no row of its own, so today's price (it is not charged).
      priceFen: p.fitted_price_fen ?? p.price_fen,
      oldPart: p.old_part ?? 'none',
      staffName: p.staff_name,
      at: p.at,
    })),
    approvals: approvals.map((a) => ({
      decision: a.decision,
      method: a.method,
      givenBy: a.given_by,
      amountFen: a.amount_fen,
      recordedBy: names.get(a.recorded_by) ?? '',
      at: a.at,
      note: a.note,
    })),
    checks: checks.map((c) => ({
      kind: c.kind,
      passed: c.passed === 1,
      staffName: names.get(c.staff_id) ?? '',
      at: c.at,
      note: c.note,
    })),
    checkedBy: person(ticket.checked_by),
    checkedAt: ticket.checked_at,
    vendorTrips: vendorTrips(custody),
    outcome: ticket.outcome,
    outcomeReason: ticket.outcome_reason,
    outcomeAt: ticket.outcome_at,
    replacementSerial: ticket.replacement_serial,
    receivedAt: ticket.received_at,
    handedBackAt: ticket.collected_at,
    statusAt: ticket.status_at,
    events: events.map((e) => ({
      at: e.at,
      staffName: names.get(e.staff_id) ?? '',
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
      details: JSON.parse(e.details) as Record<string, unknown>,
    })),
  };
}
