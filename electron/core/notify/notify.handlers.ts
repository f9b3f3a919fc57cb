import type { notifyContract } from '../../../shared/contract-notify';
import type { HandlerGroup } from '../handlers';
import { list, preview, record, retry, send } from './notify.service';

/** The notify methods (shared/contract-notify.ts). */
export const notifyHandlers: HandlerGroup<keyof typeof notifyContract> = {
  'notify.preview': preview,
  'notify.record': record,
  'notify.send': send,
  'notify.retry': retry,
  'notify.list': list,
};
