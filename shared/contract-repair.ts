import { z } from 'zod';
import { priorities, serviceTypes } from './catalogue';
import {
  anyStaff,
  counter,
  id,
  method,
  none,
  requiredText,
  supervisors,
  technicians,
  text,
} from './contract-kit';
import { calendarDateSchema, deviceInputSchema, fenSchema } from './intake';
import { quantitySchema } from './parts';
import { ticketStatuses } from './ticket-status';
import { entitlementSchema } from './ticket-schemas';

/**
 * The repair workflow: the board, dispatch, diagnosis and approval, labour and parts on the repair
 * card, QC and the supervisor's check, vendor repairs and 三包 outcomes. Every call that changes a
 * ticket names the `version` it was shown; a ticket changed meanwhile is refused (`changed_meanwhile`).
 */

const status = z.enum(ticketStatuses);
const version = z.number().int().min(1);
/** A ticket named by id, for the calls made from its page. */
const ticketAt = { ticket: id, version };
const note = text(200).default('');
const person = z.object({ id: z.string(), name: z.string() });

export const boardRowSchema = z.object({
  id: z.string(),
  ticketNo: z.string(),
  status,
  priority: z.enum(priorities),
  serviceType: z.enum(serviceTypes),
  customerName: z.string(),
  device: z.string(),
  reportedFault: z.string(),
  promisedDate: z.string(),
  assignedTo: person.nullable(),
  statusAt: z.number(),
  activityAt: z.number(),
  /** Whole days in the current status, in the store's calendar. */
  daysInStage: z.number(),
  overdue: z.boolean(),
  /** Nothing has happened to it for longer than the store's stall setting. */
  stalled: z.boolean(),
  version: z.number(),
});
export type BoardRow = z.infer<typeof boardRowSchema>;

export const boardViews = ['status', 'overdue', 'stalled', 'unassigned'] as const;

const boardSchema = z.object({
  /** Open tickets per work or pickup status. */
  counts: z.record(z.string(), z.number()),
  overdue: z.number(),
  stalled: z.number(),
  unassigned: z.number(),
  rows: z.array(boardRowSchema),
});

const labourEntrySchema = z.object({
  id: z.string(),
  technician: person,
  minutes: z.number(),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  source: z.enum(['timer', 'manual', 'reversal']),
  reverses: z.string().nullable(),
  reversed: z.boolean(),
  note: z.string(),
  at: z.number(),
});

export const oldPartFates = ['returned', 'kept', 'none'] as const;
export const approvalMethods = ['in_person', 'phone', 'message'] as const;
export const outcomes = ['repair', 'replace', 'refund', 'rejected'] as const;
export const vendorResults = ['repaired', 'more_work', 'unrepaired'] as const;

export const repairCardSchema = z.object({
  ticketId: z.string(),
  ticketNo: z.string(),
  status,
  version: z.number(),
  assignedTo: person.nullable(),
  diagnosis: z.string(),
  cause: z.string(),
  actionTaken: z.string(),
  diagnosedBy: person.nullable(),
  estimateFen: z.number(),
  diagnosisFeeFen: z.number(),
  costLimitFen: z.number().nullable(),
  approvedFen: z.number().nullable(),
  /** The estimate is over the customer's limit and not (or no longer) covered by an approval. */
  needsApproval: z.boolean(),
  chargeBasis: z.enum(['estimate', 'diagnosis_fee', 'free']),
  labour: z.array(labourEntrySchema),
  labourByTechnician: z.array(z.object({ technician: person, minutes: z.number() })),
  timers: z.array(z.object({ technician: person, startedAt: z.number() })),
  parts: z.array(
    z.object({
      movementId: z.string(),
      partId: z.string(),
      sku: z.string(),
      name: z.string(),
      /** Positive: fitted. Negative: taken back to stock. */
      quantity: z.number(),
      priceFen: z.number(),
      oldPart: z.enum(oldPartFates),
      staffName: z.string(),
      at: z.number(),
    }),
  ),
  approvals: z.array(
    z.object({
      decision: z.enum(['approved', 'declined']),
      method: z.enum(approvalMethods),
      givenBy: z.string(),
      amountFen: z.number(),
      recordedBy: z.string(),
      at: z.number(),
      note: z.string(),
    }),
  ),
  checks: z.array(
    z.object({
      kind: z.enum(['qc', 'supervisor']),
      passed: z.boolean(),
      staffName: z.string(),
      at: z.number(),
      note: z.string(),
    }),
  ),
  checkedBy: person.nullable(),
  checkedAt: z.number().nullable(),
  vendorTrips: z.array(
    z.object({
      vendor: z.string(),
      rmaNo: z.string(),
      sentAt: z.number(),
      expectedBack: z.string().nullable(),
      returnedAt: z.number().nullable(),
    }),
  ),
  outcome: z.enum(outcomes).nullable(),
  outcomeReason: z.string(),
  outcomeAt: z.number().nullable(),
  replacementSerial: z.string(),
  receivedAt: z.number(),
  handedBackAt: z.number().nullable(),
  statusAt: z.number().nullable(),
  events: z.array(
    z.object({
      at: z.number(),
      staffName: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      note: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type RepairCard = z.infer<typeof repairCardSchema>;

/** What a changing call answers: the ticket's new status and version. */
const changedSchema = z.object({ ticketId: z.string(), status, version: z.number() });

export const repairContract = {
  /** The board: counts per status, overdue, stalled, unassigned, and the rows of one view. */
  'repair.board': method({
    input: z.strictObject({
      view: z.enum(boardViews).default('status'),
      status: status.optional(),
      technicianId: id.optional(),
      limit: z.number().int().min(1).max(300).default(100),
    }),
    output: boardSchema,
    access: anyStaff,
  }),
  /** The signed-in technician's open jobs (urgent first, then by due date) and the unassigned ones. */
  'repair.myJobs': method({
    input: none,
    output: z.object({ mine: z.array(boardRowSchema), unassigned: z.array(boardRowSchema) }),
    access: anyStaff,
  }),
  'repair.card': method({
    input: z.strictObject({ ticket: id }),
    output: repairCardSchema,
    access: anyStaff,
  }),
  /** 派工: a supervisor assigns, reassigns or (null) unassigns a technician. */
  'repair.assign': method({
    input: z.strictObject({ ...ticketAt, technicianId: id.nullable(), note }),
    output: changedSchema,
    access: supervisors,
  }),
  /** A technician takes an unassigned job by scanning its card (number or id). */
  'repair.claim': method({
    input: z.strictObject({ ticket: text(40).min(1) }),
    /** `already`: it was the caller's job before the scan (nothing changed). */
    output: changedSchema.extend({ ticketNo: z.string(), already: z.boolean() }),
    access: technicians,
  }),
  /** A plain move of the state machine (the moves that carry data have their own calls). */
  'repair.move': method({
    input: z.strictObject({ ...ticketAt, to: status, note }),
    output: changedSchema,
    access: anyStaff,
  }),
  'repair.diagnose': method({
    input: z.strictObject({
      ...ticketAt,
      diagnosis: requiredText(500),
      cause: text(300).default(''),
      estimateFen: fenSchema,
      /** Where the job goes when the estimate needs no approval. */
      next: z.enum(['diagnosing', 'in_repair', 'awaiting_parts']).default('in_repair'),
    }),
    output: changedSchema,
    access: technicians,
  }),
  /** The customer's answer to an estimate over their limit: how it was given, by whom. */
  'repair.approve': method({
    input: z.strictObject({
      ...ticketAt,
      decision: z.enum(['approved', 'declined']),
      method: z.enum(approvalMethods),
      givenBy: requiredText(60),
      next: z.enum(['in_repair', 'awaiting_parts']).default('in_repair'),
      note,
    }),
    output: changedSchema,
    access: counter,
  }),
  /** A new promised date (parts late, a vendor slow): the board and the customer's messages follow it. */
  'repair.promise': method({
    input: z.strictObject({ ...ticketAt, promisedDate: calendarDateSchema, note: requiredText(200) }),
    output: changedSchema,
    access: anyStaff,
  }),
  /** Starts or stops the signed-in technician's labour timer on a ticket. */
  'repair.timer': method({
    input: z.strictObject({ ticket: id, running: z.boolean(), note }),
    output: z.object({ running: z.boolean(), minutes: z.number() }),
    access: technicians,
  }),
  /** Labour in minutes; a supervisor may log it for another technician. */
  'repair.logLabour': method({
    input: z.strictObject({
      ticket: id,
      minutes: z.number().int().min(1).max(6000),
      technicianId: id.optional(),
      note,
    }),
    output: z.object({ entryId: z.string() }),
    access: technicians,
  }),
  /** A wrong labour entry is undone by a reversing entry (the wrong one stays on the card). */
  'repair.reverseLabour': method({
    input: z.strictObject({ entryId: id, reason: requiredText(200) }),
    output: z.object({ entryId: z.string() }),
    access: supervisors,
  }),
  /** A part from stock fitted on the repair (through the stock ledger), and what became of the old one. */
  'repair.usePart': method({
    input: z.strictObject({
      requestId: z.uuid(),
      ticket: id,
      partId: id,
      quantity: quantitySchema,
      oldPart: z.enum(oldPartFates),
      allowNegative: z.boolean().default(false),
    }),
    output: z.object({ movementId: z.string(), onHand: z.number() }),
    access: technicians,
  }),
  /** The technician's QC: a pass sends the job to the supervisor's check; a fail keeps it in repair. */
  'repair.finish': method({
    input: z.strictObject({ ...ticketAt, actionTaken: requiredText(500), qcPassed: z.boolean(), note }),
    output: changedSchema,
    access: technicians,
  }),
  /** 主任验讫: the supervisor's check, the only way to ready-for-pickup. */
  'repair.check': method({
    input: z.strictObject({ ...ticketAt, passed: z.boolean(), note }),
    output: changedSchema,
    access: supervisors,
  }),
  /** Sends the device to the manufacturer or a vendor in one step: custody entry, RMA and status. */
  'repair.toVendor': method({
    input: z.strictObject({
      ...ticketAt,
      vendor: requiredText(60),
      rmaNo: requiredText(40),
      expectedBack: calendarDateSchema.optional(),
      note,
    }),
    output: changedSchema,
    access: anyStaff,
  }),
  'repair.fromVendor': method({
    input: z.strictObject({ ...ticketAt, result: z.enum(vendorResults), note }),
    output: changedSchema,
    access: anyStaff,
  }),
  /** The 三包 assessment as it stands today, with the device's whole history. */
  'repair.warranty': method({
    input: z.strictObject({ ticket: id }),
    output: entitlementSchema.extend({ failedRepairs: z.number(), awaitingPartsDays: z.number().nullable() }),
    access: anyStaff,
  }),
  /** Closes a 三包 claim: repair, replace, refund or rejected (with the reason). */
  'repair.outcome': method({
    input: z.strictObject({
      ...ticketAt,
      outcome: z.enum(outcomes),
      reason: text(300).default(''),
      /** The serial of the unit given in exchange: it becomes a device whose warranty starts today. */
      replacementSerial: deviceInputSchema.shape.serial,
    }),
    output: changedSchema,
    access: supervisors,
  }),
} as const;
