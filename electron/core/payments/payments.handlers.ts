import type { paymentsContract } from '../../../shared/contract-payments';
import type { HandlerGroup } from '../handlers';
import { bill, discount, find, refund, take } from './payments.service';
import { lostReceipt, save, voucher } from './pickup.service';

/** Money at the counter and the hand-back (shared/contract-payments.ts). */
export const paymentsHandlers: HandlerGroup<keyof typeof paymentsContract> = {
  'payments.bill': bill,
  'payments.take': take,
  'payments.refund': refund,
  'payments.discount': discount,
  'pickup.find': find,
  'pickup.lostReceipt': lostReceipt,
  'pickup.save': save,
  'pickup.voucher': voucher,
};
