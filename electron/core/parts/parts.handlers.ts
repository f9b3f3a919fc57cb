import type { partsContract } from '../../../shared/contract-parts';
import type { HandlerGroup } from '../handlers';

export const partsHandlers: HandlerGroup<keyof typeof partsContract> = {};
