import { useCallback } from 'react';
import { useRemote } from '../../app/useRemote';

/**
 * A ticket's repair card (status, version and everything done so far), and `changed()` to call after
 * any act on it: the card is read again (with its new version) and the page is told. Parts and
 * labour change only the card: `reload()` reads it alone.
 */
export function useRepairCard(ticketId: string | null, onChanged?: () => void) {
  const { data: card, reload } = useRemote('repair.card', ticketId ? { ticket: ticketId } : null);
  const changed = useCallback(() => {
    reload();
    onChanged?.();
  }, [reload, onChanged]);
  return { card, changed, reload };
}
