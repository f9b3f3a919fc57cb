import type { repairContract } from '../../../shared/contract-repair';
import type { HandlerGroup } from '../handlers';
import { assign, claim } from './assignment.service';
import { board, myJobs } from './board.service';
import { logLabour, reverseLabour, toggleTimer } from './labour.service';
import { loadRepairCard } from './repair-card.repository';
import { usePart } from './repair-parts.service';
import { ticketForChange } from './ticket-change';
import { fromVendor, toVendor } from './vendor.service';
import { decideOutcome, warrantyNow } from './warranty-claim.service';
import { approve, check, diagnose, finish, move, promise } from './workflow.service';

/** The repair workflow's methods (shared/contract-repair.ts). */
export const repairHandlers: HandlerGroup<keyof typeof repairContract> = {
  'repair.board': board,
  'repair.myJobs': myJobs,
  // One transaction: the version shown belongs to the lists shown with it.
  'repair.card': (ctx, input) =>
    ctx.core.db
      .transaction()
      .execute(async (trx) => loadRepairCard(trx, await ticketForChange(trx, ctx, input.ticket))),
  'repair.assign': assign,
  'repair.claim': claim,
  'repair.move': move,
  'repair.diagnose': diagnose,
  'repair.approve': approve,
  'repair.promise': promise,
  'repair.timer': toggleTimer,
  'repair.logLabour': logLabour,
  'repair.reverseLabour': reverseLabour,
  'repair.usePart': usePart,
  'repair.finish': finish,
  'repair.check': check,
  'repair.toVendor': toVendor,
  'repair.fromVendor': fromVendor,
  'repair.warranty': warrantyNow,
  'repair.outcome': decideOutcome,
};
