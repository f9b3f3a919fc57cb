import { counterRoles, roles, supervisorRoles, technicianRoles, type Role } from './roles';

/**
 * A repair ticket's life as data: the statuses, which moves between them are allowed, who may make
 * each, and which action makes it. The core refuses any move these rules do not list; every move it
 * makes is a `ticket_events` row (who, when, note).
 */
export const ticketStatuses = [
  'received',
  'diagnosing',
  'awaiting_approval',
  'awaiting_parts',
  'in_repair',
  'awaiting_check',
  'ready',
  'collected',
  'on_hold',
  'at_vendor',
  'returned_unrepaired',
  'replaced',
  'refunded',
  'abandoned',
  'cancelled',
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** The store still owes work: these show on the board, can be overdue and can stall. */
export const workStatuses = [
  'received',
  'diagnosing',
  'awaiting_approval',
  'awaiting_parts',
  'in_repair',
  'awaiting_check',
  'on_hold',
  'at_vendor',
] as const satisfies readonly TicketStatus[];

/** Work is over and the customer is to collect the device (or its replacement). */
export const pickupStatuses = [
  'ready',
  'returned_unrepaired',
  'replaced',
] as const satisfies readonly TicketStatus[];

/** Nothing more happens to the ticket. */
export const finalStatuses = [
  'collected',
  'refunded',
  'abandoned',
  'cancelled',
] as const satisfies readonly TicketStatus[];

/** Where a diagnosis is taken or revised (from `received` it starts the diagnosis). */
export const diagnosableStatuses: readonly string[] = [
  'received',
  'diagnosing',
  'in_repair',
  'awaiting_parts',
];
/** Where parts go into a device: while it is diagnosed or repaired in the store. */
export const fittingStatuses: readonly string[] = ['diagnosing', 'awaiting_parts', 'in_repair'];
/** Where a 三包 claim can be decided: while the job is open and not waiting for the customer. */
export const decidableStatuses: readonly string[] = [
  'received',
  'diagnosing',
  'awaiting_parts',
  'in_repair',
  'at_vendor',
];
/**
 * 三包 outcomes after which the customer's old device is the store's (a refund took it in, a
 * replacement swapped it): the goods screens may then send it to a vendor, take it back or scrap
 * it. Any other device moves out and back only with its repair (repair.toVendor, repair.fromVendor,
 * collection), so custody and status never disagree.
 */
export const storeOwnedOutcomes: readonly string[] = ['replace', 'refund'];

export const isWorkStatus = (status: string): boolean => (workStatuses as readonly string[]).includes(status);
export const isFinalStatus = (status: string): boolean =>
  (finalStatuses as readonly string[]).includes(status);

/**
 * The action that makes a move. `move` is the plain one (`repair.move`); the others carry data the
 * move cannot happen without (a diagnosis, the customer's approval, a QC result, the supervisor's
 * check, a vendor's RMA, a 三包 decision, a disposal) and are their own methods.
 */
export type TransitionVia =
  | 'move'
  | 'diagnose'
  | 'approve'
  | 'finish'
  | 'check'
  | 'vendor'
  | 'outcome'
  /** goods.dispose: a device not collected after the storage period and notice. */
  | 'dispose'
  /** pickup.save: the balance paid, the customer's signature, the claim receipt taken back. */
  | 'pickup';

/** What must hold before the move, checked by the core. */
export type TransitionNeed =
  /** A note saying why (putting on hold, giving up, cancelling, reopening). */
  | 'note'
  /** The ticket has a diagnosis. */
  | 'diagnosis'
  /** The estimate is within the customer's cost limit, or the customer approved it. */
  | 'approval';

export type TransitionRule = {
  from: TicketStatus;
  to: TicketStatus;
  by: readonly Role[];
  via: TransitionVia;
  needs: readonly TransitionNeed[];
};

const staff = roles;
const technicians = technicianRoles;
const counter = counterRoles;
const supervisors = supervisorRoles;

type Row = [TicketStatus, TicketStatus, readonly Role[], TransitionVia, TransitionNeed[]?];

/** Statuses a job can be parked from and taken up again into. */
const holdable = ['received', 'diagnosing', 'awaiting_parts', 'in_repair'] as const;
const repairing = ['diagnosing', 'awaiting_parts', 'in_repair'] as const;

const rows: Row[] = [
  ['received', 'diagnosing', technicians, 'move'],
  ['received', 'cancelled', counter, 'move', ['note']],
  ['diagnosing', 'awaiting_approval', technicians, 'diagnose', ['diagnosis']],
  ['diagnosing', 'awaiting_parts', technicians, 'diagnose', ['diagnosis', 'approval']],
  ['diagnosing', 'in_repair', technicians, 'diagnose', ['diagnosis', 'approval']],
  ['diagnosing', 'cancelled', counter, 'move', ['note']],
  ['awaiting_approval', 'in_repair', counter, 'approve', ['approval']],
  ['awaiting_approval', 'awaiting_parts', counter, 'approve', ['approval']],
  ['awaiting_approval', 'returned_unrepaired', counter, 'approve'],
  ['awaiting_approval', 'cancelled', counter, 'move', ['note']],
  ['awaiting_parts', 'in_repair', technicians, 'move'],
  ['in_repair', 'awaiting_parts', technicians, 'move'],
  // A new estimate over the customer's limit, found mid-repair, goes back to the customer.
  ['awaiting_parts', 'awaiting_approval', technicians, 'diagnose', ['diagnosis']],
  ['in_repair', 'awaiting_approval', technicians, 'diagnose', ['diagnosis']],
  ['in_repair', 'awaiting_check', technicians, 'finish', ['diagnosis', 'approval']],
  ['awaiting_check', 'ready', supervisors, 'check'],
  ['awaiting_check', 'in_repair', supervisors, 'check', ['note']],
  ['ready', 'collected', counter, 'pickup'],
  ['ready', 'in_repair', supervisors, 'move', ['note']],
  ['ready', 'abandoned', supervisors, 'dispose'],
  ['returned_unrepaired', 'collected', counter, 'pickup'],
  ['returned_unrepaired', 'abandoned', supervisors, 'dispose'],
  ['replaced', 'collected', counter, 'pickup'],
  // A vendor's repair comes back to be checked like our own; "could not" and "needs more" too.
  ['at_vendor', 'awaiting_check', staff, 'vendor', ['approval']],
  ['at_vendor', 'in_repair', staff, 'vendor'],
  ['at_vendor', 'returned_unrepaired', staff, 'vendor', ['note']],
  ...holdable.map((from): Row => [from, 'on_hold', staff, 'move', ['note']]),
  ['on_hold', 'received', technicians, 'move'],
  ['on_hold', 'diagnosing', technicians, 'move'],
  ['on_hold', 'awaiting_parts', technicians, 'move', ['diagnosis', 'approval']],
  ['on_hold', 'in_repair', technicians, 'move', ['diagnosis', 'approval']],
  ['on_hold', 'cancelled', counter, 'move', ['note']],
  // To the manufacturer or a vendor in one step (custody entry, RMA).
  // A paid job over the customer's limit goes nowhere, the vendor included, before they approve it.
  ...(['received', ...repairing] as const).map((from): Row => [
    from,
    'at_vendor',
    staff,
    'vendor',
    ['approval'],
  ]),
  // Giving up: cannot be repaired (no parts, not economic). The 三包 "rejected" outcome too.
  ...repairing.map((from): Row => [from, 'returned_unrepaired', technicians, 'move', ['note']]),
  // 三包 decisions: a supervisor closes the claim with a replacement or a refund, at the counter
  // (a third failure, the 7- and 15-day rules) or once the repair has failed.
  ...(['received', ...repairing, 'at_vendor'] as const).flatMap((from): Row[] => [
    [from, 'replaced', supervisors, 'outcome'],
    [from, 'refunded', supervisors, 'outcome'],
  ]),
];

export const transitionRules: readonly TransitionRule[] = rows.map(([from, to, by, via, needs]) => ({
  from,
  to,
  by,
  via,
  needs: needs ?? [],
}));

/**
 * The `ticket_events.action` of each act that moves a ticket, and the `via` of the rule it moves by
 * (the core writes these names; the seed writes the same, and its test checks them against the rules).
 */
export const viaOfAction: Readonly<Record<string, TransitionVia>> = {
  move: 'move',
  diagnose: 'diagnose',
  approve: 'approve',
  qc: 'finish',
  check: 'check',
  to_vendor: 'vendor',
  from_vendor: 'vendor',
  outcome: 'outcome',
  abandon: 'dispose',
  pickup: 'pickup',
};

const byPair = new Map(transitionRules.map((rule) => [`${rule.from}>${rule.to}`, rule]));

/** The rule for a move, or undefined when the move is not allowed at all. */
export const ruleFor = (from: string, to: string): TransitionRule | undefined => byPair.get(`${from}>${to}`);

/** Where a ticket may go next, for a role (what the UI offers). */
export const nextStatuses = (from: string, role: Role, via?: TransitionVia): TicketStatus[] =>
  transitionRules
    .filter((rule) => rule.from === from && rule.by.includes(role) && (!via || rule.via === via))
    .map((rule) => rule.to);
