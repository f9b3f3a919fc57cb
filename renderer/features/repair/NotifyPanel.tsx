/** Telling the customer about a ticket (filled in by the notify work); shown on the ticket page. */
export function NotifyPanel(_props: { ticketId: string }) {
  return null;
}
