import type { IntakeParsed } from '../../../shared/intake';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { queueSync } from '../changes';
import type { Ctx } from '../context';
import type { DevicesTable, Tx } from '../db/schema';
import { findDevice, findDeviceBySerial } from '../devices/devices.repository';

/**
 * The intake's device: the one named by id, else the one with this serial (it has been here before,
 * which is what makes its history count), else a new one. Its details are brought up to date.
 * `isNew` says it was created here, so it has no history to look up.
 */
export async function resolveDevice(
  trx: Tx,
  ctx: Ctx,
  storeId: string,
  customerId: string,
  input: IntakeParsed['device'],
): Promise<{ device: DevicesTable; isNew: boolean }> {
  const now = ctx.core.now();
  const serial = input.serial ? input.serial.toUpperCase() : null;
  const existing = input.id
    ? await findDevice(trx, input.id)
    : serial
      ? await findDeviceBySerial(trx, storeId, serial)
      : undefined;
  if (input.id && (!existing || existing.store_id !== storeId))
    return failWith('not_found', 'No such device');
  const fields = {
    customer_id: customerId,
    category_id: input.categoryId,
    brand: input.brand,
    model: input.model,
    colour: input.colour,
    serial,
    purchase_date: input.purchaseDate,
    invoice_no: input.invoiceNo,
    seller: input.seller,
    updated_at: now,
  };
  let device: DevicesTable;
  if (existing) {
    device = {
      ...existing,
      ...fields,
      serial: serial ?? existing.serial,
      purchase_date: input.purchaseDate ?? existing.purchase_date,
    };
    // Only the columns that can change: rewriting the key would make SQLite re-check every
    // foreign key pointing at this device.
    const { id: _id, store_id: _store, created_at: _created, ...changed } = device;
    await trx.updateTable('devices').set(changed).where('id', '=', existing.id).execute();
  } else {
    device = { id: newId(), store_id: storeId, created_at: now, ...fields };
    await trx.insertInto('devices').values(device).execute();
  }
  await queueSync(trx, ctx, 'devices', device.id, device);
  if (input.brand && input.model) {
    await trx
      .insertInto('device_models')
      .values({ category_id: input.categoryId, brand: input.brand, model: input.model, uses: 1 })
      .onConflict((oc) =>
        oc
          .columns(['category_id', 'brand', 'model'])
          .doUpdateSet((eb) => ({ uses: eb('device_models.uses', '+', 1) })),
      )
      .execute();
  }
  return { device, isNew: !existing };
}
