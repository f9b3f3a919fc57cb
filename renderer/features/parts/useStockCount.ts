import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { call } from '../../api';

export type CountLine = { partId: string; sku: string; name: string; counted: number };
type Booked = OutputOf<'parts.count'>;

/** Kept in the tab's session storage, so a count survives a look at another screen. */
const storageKey = 'parts.count';

type Count = { requestId: string; lines: CountLine[] };

function restore(): Count {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as {
      requestId: string;
      lines: CountLine[];
    } | null;
    if (saved && Array.isArray(saved.lines)) return saved;
  } catch {
    // a damaged entry starts a new count
  }
  return { requestId: crypto.randomUUID(), lines: [] };
}

/**
 * A stock count in progress: each scan of a part adds 1 to its counted quantity (the latest scanned
 * first), quantities can be corrected by hand, and finishing books the count once.
 */
export function useStockCount() {
  const [state, setState] = useState(restore);
  const [booked, setBooked] = useState<Booked | null>(null);
  // Each change is computed from the latest count at once, not in a deferred updater: two scans in
  // a burst both count, and a scan answers with the number it made.
  const latest = useRef(state);
  const change = useCallback((next: (old: Count) => Count) => {
    latest.current = next(latest.current);
    setState(latest.current);
  }, []);
  useEffect(() => sessionStorage.setItem(storageKey, JSON.stringify(state)), [state]);

  /** Adds one of the part the code names; the refusal (an unknown code) otherwise. */
  const scan = useCallback(
    async (code: string) => {
      const found = await call('parts.findByCode', { code });
      if (!found.ok) return found;
      const part = found.value;
      let counted = 1;
      change((old) => {
        const existing = old.lines.find((line) => line.partId === part.id);
        counted = (existing?.counted ?? 0) + 1;
        const rest = old.lines.filter((line) => line.partId !== part.id);
        return { ...old, lines: [{ partId: part.id, sku: part.sku, name: part.name, counted }, ...rest] };
      });
      return { ok: true as const, value: { part, counted } };
    },
    [change],
  );

  const setCounted = (partId: string, counted: number) =>
    change((old) => ({
      ...old,
      lines: old.lines.map((line) => (line.partId === partId ? { ...line, counted } : line)),
    }));

  const remove = (partId: string) =>
    change((old) => ({ ...old, lines: old.lines.filter((line) => line.partId !== partId) }));

  const finish = async (): Promise<Result<Booked>> => {
    const result = await call('parts.count', {
      requestId: state.requestId,
      lines: state.lines.map(({ partId, counted }) => ({ partId, counted })),
    });
    if (result.ok) {
      setBooked(result.value);
      change(() => ({ requestId: crypto.randomUUID(), lines: [] }));
    }
    return result;
  };

  const discard = () => {
    setBooked(null);
    change(() => ({ requestId: crypto.randomUUID(), lines: [] }));
  };

  return { lines: state.lines, booked, scan, setCounted, remove, finish, discard };
}
