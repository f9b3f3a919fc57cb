import { useEffect } from 'react';

const activity = ['keydown', 'mousedown', 'mousemove', 'touchstart', 'wheel'] as const;

/** Calls `onIdle` once nobody has touched the keyboard, mouse or screen for `minutes` (null: off). */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  useEffect(() => {
    if (minutes === null) return;
    let timer = window.setTimeout(onIdle, minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, minutes * 60_000);
    };
    for (const name of activity) window.addEventListener(name, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of activity) window.removeEventListener(name, reset);
    };
  }, [minutes, onIdle]);
}
