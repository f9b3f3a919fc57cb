import { sql, type Kysely } from 'kysely';

/**
 * Frozen. What headquarters reads from the rows stores push (issue 7):
 * - cross-store lookup, a customer's tickets at other stores: customers by any of their phones,
 *   devices by serial (as the counter compares it, without case), tickets by customer and by device;
 * - the day report: a store's rows of one business day (tickets, payments, pickups, closes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE INDEX hq_rows_customer_phones ON hq_rows USING GIN ((payload -> 'phones') jsonb_path_ops)
      WHERE entity = 'customers'`,
    sql`CREATE INDEX hq_rows_device_serial ON hq_rows (lower(payload ->> 'serial')) WHERE entity = 'devices'`,
    sql`CREATE INDEX hq_rows_ticket_customer ON hq_rows (store_id, (payload ->> 'customer_id'))
      WHERE entity = 'tickets'`,
    sql`CREATE INDEX hq_rows_ticket_device ON hq_rows (store_id, (payload ->> 'device_id'))
      WHERE entity = 'tickets'`,
    sql`CREATE INDEX hq_rows_business_day ON hq_rows (store_id, entity, (payload ->> 'business_date'))
      WHERE payload ? 'business_date'`,
  ];
  for (const statement of statements) await statement.execute(db);
}
