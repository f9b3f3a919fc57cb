import { calendarDateIn, daysBetween } from '../../../shared/dates';
import { assessWarranty, type Entitlement, type WarrantyPolicy } from '../../../shared/warranty';

type PriorTicket = {
  id: string;
  ticket_no: string;
  business_date: string;
  service_type: string;
  collected_at: number | null;
};

type Assessment = Entitlement & { reRepairOf: PriorTicket | null };

/**
 * Judges a new intake under 三包 from the device's own history: earlier tickets are prior repairs
 * (free-warranty ones count towards "two failed repairs"), and one collected within the policy's
 * re-repair window makes this a re-repair of it.
 */
export function assessIntake(options: {
  policy: WarrantyPolicy;
  purchaseDate: string | null;
  today: string;
  timeZone: string;
  part: string;
  userDamage: boolean;
  history: PriorTicket[];
}): Assessment {
  const { policy, today, timeZone, history } = options;
  const handedBack = (ticket: PriorTicket) =>
    ticket.collected_at === null ? null : calendarDateIn(ticket.collected_at, timeZone);
  const entitlement = assessWarranty({
    policy,
    purchaseDate: options.purchaseDate,
    today,
    part: options.part || undefined,
    userDamage: options.userDamage,
    priorRepairs: history.map((ticket) => ({
      droppedOff: ticket.business_date,
      handedBack: handedBack(ticket),
      warrantyRepair: ticket.service_type === 'C',
    })),
    replacements: [],
  });
  const reRepairOf =
    [...history].reverse().find((ticket) => {
      const back = handedBack(ticket);
      return back !== null && daysBetween(back, today) <= policy.reRepairDays;
    }) ?? null;
  return { ...entitlement, reRepairOf };
}
