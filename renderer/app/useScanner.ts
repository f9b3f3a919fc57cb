import { useEffect } from 'react';

/** A pause longer than this starts a new burst. */
const burstGapMs = 150;
/** A scanner averages a few ms a key; nobody types a 16-character number at 30 ms a key. */
const maxAverageMsPerKey = 30;
const minLength = 8;

/** Puts back what a field held before a scan typed into it (React-controlled fields included). */
function restore(target: EventTarget | null, value: string): void {
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
  const proto =
    target instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(target, value);
  target.dispatchEvent(new Event('input', { bubbles: true }));
}

const valueOf = (target: EventTarget | null): string =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target.value : '';

/**
 * Keyboard-wedge barcode scanners type the code as a fast burst of keys ending in Enter. A burst whose
 * average pace no typist reaches, and that matches `pattern`, is handed to `onScan` wherever the
 * focus is, and whatever it typed into a field is taken back out; ordinary typing is left alone.
 */
export function useScanner(pattern: RegExp, onScan: (code: string) => void): void {
  useEffect(() => {
    let buffer = '';
    let started = 0;
    let last = 0;
    let target: EventTarget | null = null;
    let before = '';
    const onKeyDown = (event: KeyboardEvent) => {
      // Only characters and Enter belong to a scan: a function key (F4 opening a screen just before
      // the scan) must not start the burst, or the field it names would be the one focused then.
      if (event.key !== 'Enter' && event.key.length !== 1) return;
      // When the key arrived, not when the page got to it: a busy page handles a burst late.
      const now = event.timeStamp;
      if (now - last > burstGapMs) {
        buffer = '';
        started = now;
        target = event.target;
        before = valueOf(event.target);
      }
      last = now;
      if (event.key === 'Enter') {
        const code = buffer.trim().toUpperCase();
        const fast = (now - started) / Math.max(1, buffer.length) <= maxAverageMsPerKey;
        buffer = '';
        last = Number.NEGATIVE_INFINITY; // Enter ends a burst: the next key starts a new one
        if (fast && code.length >= minLength && pattern.test(code)) {
          event.preventDefault();
          event.stopPropagation();
          restore(target, before);
          onScan(code);
        }
      } else if (event.key.length === 1) {
        buffer += event.key;
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [pattern, onScan]);
}
