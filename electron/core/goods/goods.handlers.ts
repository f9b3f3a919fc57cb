import type { goodsContract } from '../../../shared/contract-goods';
import type { HandlerGroup } from '../handlers';
import { disposeDevice, moveDevice, reverseMovement, whereIs } from './custody.service';
import { atVendor, onPremises, register } from './goods-views.service';
import { finishCount, latestCount, scanForCount, startCount } from './shelf-count.service';
import { verifyLedger } from './verify.service';

export const goodsHandlers: HandlerGroup<keyof typeof goodsContract> = {
  'goods.move': moveDevice,
  'goods.dispose': disposeDevice,
  'goods.reverse': reverseMovement,
  'goods.whereIs': whereIs,
  'goods.onPremises': onPremises,
  'goods.atVendor': atVendor,
  'goods.register': register,
  'goods.verifyLedger': verifyLedger,
  'goods.countStart': startCount,
  'goods.countScan': scanForCount,
  'goods.countFinish': finishCount,
  'goods.countLatest': latestCount,
};
