/** Goods in and out: the custody ledger of customers' devices, where each one is, shelf counts. */
export const goodsContract = {} as const;
