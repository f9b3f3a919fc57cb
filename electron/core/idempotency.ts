import { failWith } from '../../shared/result';

/**
 * A request key the core has already seen, sent with a different request. Answering it as done would
 * hide the second request; doing it would break the key's promise. So it is refused.
 */
export const keyReused = (): never =>
  failWith('conflict', 'This request key was already used for a different request', {
    details: { reason: 'key_reused' },
  });
