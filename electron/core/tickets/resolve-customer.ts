import { sql } from 'kysely';
import type { IntakeParsed } from '../../../shared/intake';
import { newId } from '../../../shared/ids';
import { failWith } from '../../../shared/result';
import { queueSync } from '../changes';
import type { Ctx } from '../context';
import type { CustomersTable, Tx } from '../db/schema';
import { findCustomer, ownersOfPhones } from '../customers/customers.repository';
import { indexCustomerName } from '../customers/name-index';

/**
 * The intake's customer: the one named by id, else the one who owns any of the phones typed (never
 * a second customer for the same phone), else a new one. New phones are added to them.
 */
export async function resolveCustomer(
  trx: Tx,
  ctx: Ctx,
  storeId: string,
  input: IntakeParsed['customer'],
): Promise<CustomersTable> {
  const now = ctx.core.now();
  const phones = [...new Set(input.phones)];
  const owners = await ownersOfPhones(trx, storeId, phones);
  const ownerIds = [...new Set(owners.map((owner) => owner.customer_id))];
  let id = input.id;
  if (id) {
    if (ownerIds.some((owner) => owner !== id)) {
      failWith('conflict', 'A phone belongs to another customer', {
        fields: { 'customer.phones': 'phone_taken' },
      });
    }
  } else if (ownerIds.length > 1) {
    failWith('conflict', 'These phones belong to different customers', {
      fields: { 'customer.phones': 'phone_taken' },
    });
  } else {
    id = ownerIds[0];
  }

  const existing = id ? await findCustomer(trx, id) : undefined;
  if (id && (!existing || existing.store_id !== storeId)) return failWith('not_found', 'No such customer');
  let customer: CustomersTable;
  let changed = !existing;
  if (existing) {
    const { rowid: _rowid, ...stored } = existing;
    customer = stored;
    // A blank address or note in the form keeps what is on file: only real changes are written.
    const update = {
      name: input.name,
      address: input.address || existing.address,
      notes: input.notes || existing.notes,
      updated_at: now,
    };
    changed =
      update.name !== existing.name || update.address !== existing.address || update.notes !== existing.notes;
    if (changed) {
      await trx.updateTable('customers').set(update).where('id', '=', existing.id).execute();
      customer = { ...stored, ...update };
      if (existing.name !== input.name)
        await indexCustomerName(trx, existing.rowid, input.name, existing.name);
    }
  } else {
    customer = {
      id: newId(),
      store_id: storeId,
      name: input.name,
      address: input.address,
      notes: input.notes,
      created_at: now,
      updated_at: now,
    };
    const inserted = await trx
      .insertInto('customers')
      .values(customer)
      .returning(sql<number>`rowid`.as('rowid'))
      .executeTakeFirstOrThrow();
    await indexCustomerName(trx, inserted.rowid, input.name);
  }
  const customerId = customer.id;
  const known = new Set(owners.map((owner) => owner.phone));
  const added = phones.filter((phone) => !known.has(phone));
  if (added.length > 0) {
    await trx
      .insertInto('customer_phones')
      .values(added.map((phone) => ({ store_id: storeId, phone, customer_id: customerId })))
      .execute();
  }
  if (changed || added.length > 0) {
    // The customer as they now stand, every phone on file: headquarters' copy (and the chain's
    // cross-store lookup) must not lose a number because this intake did not repeat it.
    const onFile = await trx
      .selectFrom('customer_phones')
      .select('phone')
      .where('customer_id', '=', customerId)
      .orderBy('phone')
      .execute();
    await queueSync(trx, ctx, 'customers', customerId, {
      id: customerId,
      storeId,
      name: customer.name,
      address: customer.address,
      notes: customer.notes,
      phones: onFile.map((row) => row.phone),
    });
  }
  return customer;
}
