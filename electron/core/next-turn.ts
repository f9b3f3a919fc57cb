/**
 * A turn of the event loop: long work (a ledger check, a sync push, a report) awaits one between
 * slices, so the core answers other calls meanwhile and the counter stays responsive.
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
