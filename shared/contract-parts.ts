/** Spare parts: the parts catalogue and its stock ledger. */
export const partsContract = {} as const;
