import { useCallback, useEffect, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import { call } from '../../api';

/** How often an open board asks again: work moves in minutes, so seconds of lag are fine. */
const refreshEveryMs = 15_000;

type Loaded<M extends MethodName> = { data: OutputOf<M>; at: number; key: string };

/**
 * Like `useRemote`, but kept fresh: asks again every `refreshEveryMs` while the window is visible and
 * at once when the window gets the focus back (a technician back from the bench). `paused` holds the
 * refreshes while someone is choosing in the table, so rows never change under their hand. The last
 * answer stays on screen while the next one loads; `loading` says it is not yet for this input.
 */
export function useLiveRemote<M extends MethodName>(method: M, input: InputOf<M>, paused = false) {
  const [loaded, setLoaded] = useState<Loaded<M> | null>(null);
  const [asked, setAsked] = useState(0);
  const key = JSON.stringify(input);

  useEffect(() => {
    let live = true;
    void call(method, JSON.parse(key) as InputOf<M>).then((result) => {
      if (live && result.ok) setLoaded({ data: result.value, at: Date.now(), key });
    });
    return () => {
      live = false;
    };
  }, [method, key, asked]);

  const reload = useCallback(() => setAsked((n) => n + 1), []);

  useEffect(() => {
    if (paused) return;
    const refresh = () => {
      if (document.visibilityState === 'visible') reload();
    };
    const timer = window.setInterval(refresh, refreshEveryMs);
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [paused, reload]);

  return {
    data: loaded?.data ?? null,
    at: loaded?.at ?? null,
    loading: loaded?.key !== key,
    reload,
  };
}
