import type { syncContract } from '../../../shared/contract-sync';
import type { HandlerGroup } from '../handlers';
import { lookUpElsewhere } from './lookup.service';
import { enrol, now, status } from './sync.service';

/** The counter's link to headquarters (shared/contract-sync.ts). */
export const syncHandlers: HandlerGroup<keyof typeof syncContract> = {
  'sync.status': status,
  'sync.enrol': enrol,
  'sync.now': now,
  'sync.lookup': lookUpElsewhere,
};
