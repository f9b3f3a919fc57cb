import { ticketNumberPattern } from '../../../shared/ticket-number';

/**
 * What a scanner reads off a part: its barcode or SKU (upper case, as useScanner hands it over).
 * Ticket numbers are left to the shell's own scanner, which opens the ticket.
 */
export const partCodePattern = new RegExp(
  `^(?!${ticketNumberPattern.source.slice(1, -1)}$)[A-Z0-9\\-./]{8,40}$`,
);

/** A pattern no scan matches: the screen's scanner is off while a dialog takes the keyboard. */
export const noScanPattern = /(?!)/;
