import { formatMoment } from '../../shared/dates';
import { useSession } from './session';

/**
 * Times as the store's clock reads them (`YYYY-MM-DD HH:mm`), not this PC's: the register and the
 * vendor lists are the store's records, whatever zone the PC is set to. The zone comes with the
 * session, so no screen asks the core for it.
 */
export function useStoreTime(): (at: number) => string {
  const { timeZone } = useSession();
  return (at) => formatMoment(at, timeZone);
}
