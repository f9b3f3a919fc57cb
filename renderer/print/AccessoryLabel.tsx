import { Barcode } from './Barcode';
import { labelOf, surnameOf, type DocumentData } from './document-data';

/** A small label per accessory received, so a charger finds its way back to its phone. */
export function AccessoryLabel({ data, accessory }: { data: DocumentData; accessory: string }) {
  const { ticket, category, language } = data;
  return (
    <div className="rc-doc label" data-document="accessory_label" lang={language}>
      <div className="ticket-no" style={{ fontSize: '1.1em' }}>
        {ticket.ticketNo}
      </div>
      <Barcode value={ticket.ticketNo} height={28} />
      <div>
        {labelOf(category?.accessories, accessory, language)} · {surnameOf(ticket.customer.name)}
      </div>
    </div>
  );
}
