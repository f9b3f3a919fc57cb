/**
 * Texts of money at the counter and the hand-back (`pickup.*`): the bill, payments, refunds and
 * discounts, the signature, the lost claim receipt and the pickup voucher. Joined into zh-CN.ts and en.ts.
 */
export const pickupZh = {
  title: '取机',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const pickupEn: Shape<typeof pickupZh> = {
  title: 'Hand-back',
};
