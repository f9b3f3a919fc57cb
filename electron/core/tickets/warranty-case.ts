import { calendarDateIn, daysBetween } from '../../../shared/dates';
import {
  assessWarranty,
  type Entitlement,
  type PriorRepair,
  type WarrantyPolicy,
} from '../../../shared/warranty';

type PriorTicket = {
  id: string;
  ticket_no: string;
  business_date: string;
  service_type: string;
  status: string;
  collected_at: number | null;
  outcome: string | null;
  outcome_at: number | null;
};

type Assessment = Entitlement & { reRepairOf: PriorTicket | null };

const handedBackOn = (ticket: PriorTicket, timeZone: string): string | null =>
  ticket.collected_at === null ? null : calendarDateIn(ticket.collected_at, timeZone);

/**
 * A device's earlier tickets as the engine reads them: cancelled ones were no repair; free-warranty
 * ones whose claim was not rejected count towards "two failed repairs".
 */
export const priorRepairsOf = (history: PriorTicket[], timeZone: string): PriorRepair[] =>
  history
    .filter((ticket) => ticket.status !== 'cancelled')
    .map((ticket) => ({
      droppedOff: ticket.business_date,
      handedBack: handedBackOn(ticket, timeZone),
      warrantyRepair: ticket.service_type === 'C' && ticket.outcome !== 'rejected',
    }));

/**
 * Judges a device under 三包 from its own history: earlier tickets are prior repairs (free-warranty
 * ones count towards "two failed repairs"; cancelled ones are no repair), a 三包 replacement restarts
 * the clock, and one collected within the policy's re-repair window makes this a re-repair of it.
 * For a device already in the store, `awaitingPartsSince` is when its wait for parts began.
 */
export function assessIntake(options: {
  policy: WarrantyPolicy;
  purchaseDate: string | null;
  today: string;
  timeZone: string;
  part: string;
  userDamage: boolean;
  history: PriorTicket[];
  awaitingPartsSince?: string;
}): Assessment {
  const { policy, today, timeZone } = options;
  const history = options.history.filter((ticket) => ticket.status !== 'cancelled');
  const handedBack = (ticket: PriorTicket) => handedBackOn(ticket, timeZone);
  const entitlement = assessWarranty({
    policy,
    purchaseDate: options.purchaseDate,
    today,
    part: options.part || undefined,
    userDamage: options.userDamage,
    priorRepairs: priorRepairsOf(history, timeZone),
    replacements: history.flatMap((ticket) =>
      ticket.outcome === 'replace' && ticket.outcome_at !== null
        ? [calendarDateIn(ticket.outcome_at, timeZone)]
        : [],
    ),
    awaitingPartsSince: options.awaitingPartsSince,
  });
  const reRepairOf =
    [...history].reverse().find((ticket) => {
      const back = handedBack(ticket);
      return back !== null && daysBetween(back, today) <= policy.reRepairDays;
    }) ?? null;
  return { ...entitlement, reRepairOf };
}
