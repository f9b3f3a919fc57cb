import type { Core } from '../electron/core/core';
import { dispatch } from '../electron/core/dispatch';
import type { Samples } from './samples';
import { measure } from './stats';

export type SearchKind = 'ticket_no' | 'phone_tail' | 'phone_full' | 'name_zh' | 'serial' | 'model';

/**
 * `tickets.search` through dispatch, as the global search box calls it, once per sampled real value.
 * A search that finds nothing for a value taken from the database is counted as a miss: timings of
 * a search that does not work mean nothing.
 */
export async function benchSearch(core: Core, token: string, samples: Samples, warmup: number) {
  const queries: Record<SearchKind, string[]> = {
    ticket_no: samples.ticketNos,
    phone_tail: samples.tails,
    phone_full: samples.phones,
    name_zh: samples.namesZh,
    serial: samples.serials,
    model: samples.models,
  };
  const results: { kind: SearchKind; p50: number; p95: number; n: number; misses: number }[] = [];
  for (const [kind, values] of Object.entries(queries) as [SearchKind, string[]][]) {
    let misses = 0;
    const search = async (query: string, timed: boolean) => {
      const result = await dispatch(core, 'tickets.search', { query }, { token });
      if (!result.ok) throw new Error(`tickets.search refused "${query}": ${result.error.code}`);
      if (timed && (result.value as unknown[]).length === 0) misses++;
    };
    results.push({ kind, ...(await measure(values, search, { warmup })), misses });
  }
  return results;
}

/** The floor: a bare prepared SELECT of one ticket by primary key. */
export async function benchIndexedLookup(core: Core, ids: string[], warmup: number) {
  const statement = core.sqlite.prepare('SELECT * FROM tickets WHERE id = ?');
  return measure(ids, (id) => statement.get(id), { warmup });
}
