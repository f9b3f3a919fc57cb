import { v7 } from 'uuid';

/** Sortable, globally unique row id (UUIDv7): unique across stores, ordered by creation time. */
export const newId = (): string => v7();
