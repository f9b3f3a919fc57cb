import type { OutputOf } from '../../../shared/contract';
import type { DevicesTable, Executor } from '../db/schema';

export type DeviceView = OutputOf<'customers.find'>[number]['devices'][number];

export const toDevice = (row: DevicesTable): DeviceView => ({
  id: row.id,
  categoryId: row.category_id,
  brand: row.brand,
  model: row.model,
  colour: row.colour,
  serial: row.serial,
  purchaseDate: row.purchase_date,
  invoiceNo: row.invoice_no,
  seller: row.seller,
});

export const findDevice = (db: Executor, id: string) =>
  db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();

export const findDeviceBySerial = (db: Executor, storeId: string, serial: string) =>
  db
    .selectFrom('devices')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('serial', '=', serial)
    .executeTakeFirst();

/** Earlier tickets of a device, oldest first: the history 三包 and re-repairs are judged on. */
export const ticketsOfDevice = (db: Executor, deviceId: string) =>
  db
    .selectFrom('tickets')
    .select([
      'id',
      'ticket_no',
      'business_date',
      'service_type',
      'status',
      'collected_at',
      'received_at',
      'outcome',
      'outcome_at',
    ])
    .where('device_id', '=', deviceId)
    .orderBy('received_at')
    .execute();

/** How lists name a device: brand and model, whichever are known. */
export const deviceName = (brand: string, model: string) => [brand, model].filter(Boolean).join(' ');
