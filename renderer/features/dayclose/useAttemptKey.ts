import { useCallback, useState } from 'react';

/**
 * The idempotency key of one attempt at a write: the same key goes with every retry and double
 * click, so the core writes once; `renew` starts the next attempt once this one has been written.
 */
export function useAttemptKey(): { key: string; renew: () => void } {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return { key, renew };
}
