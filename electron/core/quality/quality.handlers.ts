import type { qualityContract } from '../../../shared/contract-quality';
import type { repairCallsContract } from '../../../shared/contract-repair-calls';
import type { HandlerGroup } from '../handlers';
import {
  acceptComplaint,
  assignComplaint,
  complaintBoard,
  logComplaint,
  replyComplaint,
  resolveComplaint,
} from './complaints.service';
import { followUpQueue, recordFollowUpCall } from './followups.service';
import {
  answerRepairCall,
  cancelRepairCall,
  getRepairCall,
  listRepairCalls,
  logRepairCall,
} from './repair-calls.service';

/** Follow-up calls, complaints and repair calls (shared/contract-quality.ts, contract-repair-calls.ts). */
export const qualityHandlers: HandlerGroup<keyof typeof qualityContract | keyof typeof repairCallsContract> =
  {
    'followups.queue': followUpQueue,
    'followups.record': recordFollowUpCall,
    'complaints.log': logComplaint,
    'complaints.board': complaintBoard,
    'complaints.assign': assignComplaint,
    'complaints.reply': replyComplaint,
    'complaints.resolve': resolveComplaint,
    'complaints.accept': acceptComplaint,
    'repairCalls.log': logRepairCall,
    'repairCalls.list': listRepairCalls,
    'repairCalls.get': getRepairCall,
    'repairCalls.answer': answerRepairCall,
    'repairCalls.cancel': cancelRepairCall,
  };
