import type { goodsContract } from '../../../shared/contract-goods';
import type { HandlerGroup } from '../handlers';

export const goodsHandlers: HandlerGroup<keyof typeof goodsContract> = {};
