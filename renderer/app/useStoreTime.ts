import { formatMoment } from '../../shared/dates';
import { useRemote } from './useRemote';

/**
 * Times as the store's clock reads them (`YYYY-MM-DD HH:mm`), not this PC's: the register and the
 * vendor lists are the store's records, whatever zone the PC is set to.
 */
export function useStoreTime(): (at: number) => string {
  const timeZone = useRemote('store.get', {}).data?.timeZone;
  return (at) => (timeZone ? formatMoment(at, timeZone) : '');
}
