import { useEffect } from 'react';

type ScanHandler = (code: string) => void;

/** Screens that take ticket scans for themselves, newest last (a shelf count while it is open). */
const claims: ScanHandler[] = [];

/**
 * While mounted (and `handler` is set), a scanned ticket barcode goes to `handler` instead of opening
 * the ticket: during a shelf count every scan is a device found, not a request to look at it.
 */
export function useScanClaim(handler: ScanHandler | null): void {
  useEffect(() => {
    if (!handler) return;
    claims.push(handler);
    return () => {
      const index = claims.lastIndexOf(handler);
      if (index >= 0) claims.splice(index, 1);
    };
  }, [handler]);
}

/** Hands a scan to the screen that claimed it, else to `fallback` (opening the ticket). */
export function routeScan(code: string, fallback: ScanHandler): void {
  (claims.at(-1) ?? fallback)(code);
}
