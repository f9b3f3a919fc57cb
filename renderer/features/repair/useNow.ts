import { useEffect, useState } from 'react';

/** The time now, refreshed every `everyMs` while mounted (a running timer, days in a stage). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** A running time as `m:ss` or `h:mm:ss`. */
export function elapsed(from: number, to: number): string {
  const seconds = Math.max(0, Math.floor((to - from) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
