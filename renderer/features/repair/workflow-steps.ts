import { canCall } from '../../../shared/contract';
import type { RepairCard } from '../../../shared/contract-repair';
import type { Role } from '../../../shared/roles';
import {
  decidableStatuses,
  diagnosableStatuses,
  isWorkStatus,
  transitionRules,
  type TicketStatus,
} from '../../../shared/ticket-status';

/** One thing the signed-in role may do to the ticket now; each opens its own small form. */
export type Step =
  | { kind: 'diagnose' | 'approve' | 'finish' | 'check' | 'toVendor' | 'fromVendor' | 'outcome' }
  | { kind: 'assign' | 'claim' }
  | { kind: 'move'; to: TicketStatus; needsNote: boolean };

type StepKind = Step['kind'];

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
  add('diagnose', canCall('repair.diagnose', role) && diagnosableStatuses.includes(card.status));
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
  add('outcome', canCall('repair.outcome', role) && decidableStatuses.includes(card.status));
  for (const rule of rules) {
    if (rule.via === 'move')
      steps.push({ kind: 'move', to: rule.to, needsNote: rule.needs.includes('note') });
  }
  return steps;
}
