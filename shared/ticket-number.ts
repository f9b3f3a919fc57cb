/** `SH01-261122-0007`: store code, business date (YYMMDD), the day's sequence. */
export const ticketNumberPattern = /^[A-Z][A-Z0-9]{1,7}-\d{6}-\d{4,}$/;
