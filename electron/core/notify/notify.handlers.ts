import type { notifyContract } from '../../../shared/contract-notify';
import type { HandlerGroup } from '../handlers';

/** The notify methods (shared/contract-notify.ts). */
export const notifyHandlers: HandlerGroup<keyof typeof notifyContract> = {};
