import type { qualityContract } from '../../../shared/contract-quality';
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

/** Follow-up calls and complaints (shared/contract-quality.ts). */
export const qualityHandlers: HandlerGroup<keyof typeof qualityContract> = {
  'followups.queue': followUpQueue,
  'followups.record': recordFollowUpCall,
  'complaints.log': logComplaint,
  'complaints.board': complaintBoard,
  'complaints.assign': assignComplaint,
  'complaints.reply': replyComplaint,
  'complaints.resolve': resolveComplaint,
  'complaints.accept': acceptComplaint,
};
