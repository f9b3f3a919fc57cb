import type { daycloseContract } from '../../../shared/contract-dayclose';
import type { HandlerGroup } from '../handlers';
import { cash, float, state } from './cash-drawer.service';
import { close, count, list, preview, reopen, report } from './dayclose.service';

/** The cash drawer and the daily close (shared/contract-dayclose.ts). */
export const daycloseHandlers: HandlerGroup<keyof typeof daycloseContract> = {
  'drawer.state': state,
  'drawer.float': float,
  'drawer.cash': cash,
  'dayclose.preview': preview,
  'dayclose.count': count,
  'dayclose.close': close,
  'dayclose.reopen': reopen,
  'dayclose.report': report,
  'dayclose.list': list,
};
