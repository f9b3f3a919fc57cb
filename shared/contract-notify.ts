/**
 * Telling the customer: per-status message templates, the contact log, and sending through the
 * store's optional webhook. (Filled in by the notify work.)
 */
export const notifyContract = {} as const;
