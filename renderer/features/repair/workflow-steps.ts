import { canCall } from '../../../shared/contract';
import type { RepairCard } from '../../../shared/contract-repair';
import type { Role } from '../../../shared/roles';
import { isWorkStatus, transitionRules, type TicketStatus } from '../../../shared/ticket-status';

/** One thing the signed-in role may do to the ticket now; each opens its own small form. */
export type Step =
  | { kind: 'diagnose' | 'approve' | 'finish' | 'check' | 'toVendor' | 'fromVendor' | 'outcome' }
  | { kind: 'assign' | 'claim' }
  | { kind: 'move'; to: TicketStatus; needsNote: boolean };

export type StepKind = Step['kind'];

/** Where the core takes a diagnosis (a received job starts diagnosis with it). */
const diagnosable: readonly string[] = ['received', 'diagnosing', 'in_repair', 'awaiting_parts'];
/** A 三包 claim can be decided while the job is open. */
export const decidable: readonly string[] = [
  'received',
  'diagnosing',
  'awaiting_approval',
  'awaiting_parts',
  'in_repair',
  'at_vendor',
];
/** Where parts go into a device. */
export const fitting: readonly string[] = ['diagnosing', 'awaiting_parts', 'in_repair'];

/**
 * The steps offered for a ticket, from the state machine's rules for this role (`nextStatuses`
 * grouped by the call that makes each move), in the order a job usually takes them.
 */
export function stepsFor(card: Pick<RepairCard, 'status' | 'assignedTo'>, role: Role): Step[] {
  const rules = transitionRules.filter((rule) => rule.from === card.status && rule.by.includes(role));
  const via = (name: string) => rules.some((rule) => rule.via === name);
  const steps: Step[] = [];
  const add = (kind: Exclude<StepKind, 'move'>, when: boolean) => {
    if (when) steps.push({ kind } as Step);
  };
  add('diagnose', canCall('repair.diagnose', role) && diagnosable.includes(card.status));
  add('approve', via('approve'));
  add('finish', via('finish'));
  add('check', via('check'));
  add('assign', canCall('repair.assign', role) && isWorkStatus(card.status));
  add('claim', role === 'technician' && !card.assignedTo && isWorkStatus(card.status));
  add(
    'toVendor',
    rules.some((rule) => rule.via === 'vendor' && rule.to === 'at_vendor'),
  );
  add('fromVendor', card.status === 'at_vendor' && via('vendor'));
  add('outcome', canCall('repair.outcome', role) && decidable.includes(card.status));
  for (const rule of rules) {
    if (rule.via === 'move')
      steps.push({ kind: 'move', to: rule.to, needsNote: rule.needs.includes('note') });
  }
  return steps;
}
