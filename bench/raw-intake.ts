import type Database from 'better-sqlite3';
import { newId } from '../shared/ids';
import { custodyHash, genesisHash } from '../electron/core/custody/custody-ledger';
import { bigramsOf, normalizeName } from '../electron/core/customers/name-index';
import type { IntakeCase } from './intake-cases';

/**
 * The floor an intake is measured against: the same rows a full `tickets.create` writes (customer,
 * phones, name index, device, model use, day counter, ticket, event, custody entry chained by hash,
 * deposit, idempotency key, audit entry, custody state, outbox rows) written with bare better-sqlite3 prepared
 * statements in one durable transaction, on the app's own connection (synchronous=FULL). Its rows
 * are real: fresh ids, phones and serials, the next ticket number and the next link of the chain.
 */
/** A typical assessment, as long as the one the full intake stores (the engine is not an insert). */
const warranty = JSON.stringify({
  outcomes: ['paid_repair'],
  suggestedServiceType: 'A',
  reasons: [{ code: 'warranty_expired', on: '2025-03-01', part: 'handset' }],
  warrantyStart: '2024-03-01',
  warrantyEnd: '2025-03-01',
});

export class RawIntake {
  private readonly s;
  private readonly save: (c: IntakeCase, at: number) => void;

  constructor(
    sqlite: Database.Database,
    private readonly store: { id: string; code: string },
    private readonly staffId: string,
    private readonly today: string,
  ) {
    const p = (sql: string) => sqlite.prepare(sql);
    this.s = {
      customer: p(`INSERT INTO customers (id, store_id, name, address, notes, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      name: p('INSERT INTO customer_names (rowid, name) VALUES (?, ?)'),
      bigram: p(
        'INSERT INTO customer_name_bigrams (bigram, customer_rowid) VALUES (?, ?) ON CONFLICT DO NOTHING',
      ),
      phone: p('INSERT INTO customer_phones (store_id, phone, customer_id) VALUES (?, ?, ?)'),
      device: p(`INSERT INTO devices (id, store_id, customer_id, category_id, brand, model, colour, serial,
        purchase_date, invoice_no, seller, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?)`),
      touchDevice: p('UPDATE devices SET customer_id = ?, updated_at = ? WHERE id = ?'),
      model: p(`INSERT INTO device_models (category_id, brand, model, uses) VALUES (?, ?, ?, 1)
        ON CONFLICT (category_id, brand, model) DO UPDATE SET uses = uses + 1`),
      sequence: p(`INSERT INTO ticket_sequences (store_id, business_date, last_seq) VALUES (?, ?, 1)
        ON CONFLICT (store_id, business_date) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`).pluck(),
      ticket: p(`INSERT INTO tickets (id, store_id, ticket_no, business_date, customer_id, device_id, status,
        service_type, priority, reported_fault, fault_codes, condition, accessories, accessories_note, passcode,
        warranty, service_type_reason, estimate_fen, diagnosis_fee_fen, cost_limit_fen, promised_date,
        shelf_location, received_by, received_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      event: p(
        `INSERT INTO ticket_events (id, ticket_id, at, staff_id, to_status) VALUES (?, ?, ?, ?, 'received')`,
      ),
      lastCustody: p('SELECT seq, hash FROM custody_movements WHERE store_id = ? ORDER BY seq DESC LIMIT 1'),
      custody: p(`INSERT INTO custody_movements (id, store_id, seq, ticket_id, device_id, kind, location,
        staff_id, at, note, prev_hash, hash) VALUES (?, ?, ?, ?, ?, 'received', 'counter', ?, ?, '', ?, ?)`),
      custodyState:
        p(`INSERT INTO custody_state (ticket_id, store_id, device_id, place, location, kind, entry_id,
        since, received_at) VALUES (?, ?, ?, 'on_premises', 'counter', 'received', ?, ?, ?)`),
      payment:
        p(`INSERT INTO payments (id, store_id, ticket_id, business_date, kind, method, amount_fen, staff_id,
        at, idempotency_key) VALUES (?, ?, ?, ?, 'deposit', ?, ?, ?, ?, ?)`),
      request: p('INSERT INTO intake_requests (idempotency_key, ticket_id) VALUES (?, ?)'),
      audit: p(`INSERT INTO audit_log (id, store_id, at, staff_id, action, entity, entity_id, details)
        VALUES (?, ?, ?, ?, 'tickets.create', 'tickets', ?, ?)`),
      outbox: p(`INSERT INTO outbox (id, store_id, entity, entity_id, op, payload, created_at)
        VALUES (?, ?, ?, ?, 'upsert', ?, ?)`),
    };
    this.save = sqlite.transaction((c: IntakeCase, at: number) => this.write(c, at));
  }

  /** Writes the twin of `c` in one transaction. */
  run(c: IntakeCase): void {
    this.save(c, Date.now());
  }

  private write(c: IntakeCase, at: number): void {
    const { s, store, staffId, today } = this;
    const input = c.parsed;
    const queue = (entity: string, id: string, row: object) =>
      s.outbox.run(newId(), store.id, entity, id, JSON.stringify(row), at);

    let customerId = c.customerId;
    if (!customerId) {
      customerId = newId();
      const name = input.customer.name;
      const { address, notes } = input.customer;
      const rowid = Number(
        s.customer.run(customerId, store.id, name, address, notes, at, at).lastInsertRowid,
      );
      s.name.run(rowid, normalizeName(name));
      for (const bigram of bigramsOf(name)) s.bigram.run(bigram, rowid);
      s.phone.run(store.id, c.raw.phone, customerId);
      queue('customers', customerId, { id: customerId, name, address, notes, phones: [c.raw.phone] });
    }
    const d = input.device;
    let deviceId = c.deviceId;
    if (deviceId) s.touchDevice.run(customerId, at, deviceId);
    else {
      deviceId = newId();
      // prettier-ignore
      s.device.run(deviceId, store.id, customerId, d.categoryId, d.brand, d.model, d.colour, c.raw.serial,
        d.purchaseDate, at, at);
    }
    queue('devices', deviceId, { id: deviceId, ...d, serial: c.raw.serial });
    if (d.brand && d.model) s.model.run(d.categoryId, d.brand, d.model);

    const seq = s.sequence.get(store.id, today) as number;
    const ticketId = newId();
    const ticketNo = `${store.code}-${today.slice(2).replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;
    // prettier-ignore
    s.ticket.run(ticketId, store.id, ticketNo, today, customerId, deviceId, input.serviceType, input.priority,
      input.reportedFault, JSON.stringify(input.faultCodes), JSON.stringify(input.condition),
      JSON.stringify(input.accessories), input.accessoriesNote, input.passcode, warranty, input.serviceTypeReason,
      input.estimateFen, input.diagnosisFeeFen, input.costLimitFen, input.promisedDate, input.shelfLocation,
      staffId, at, at);
    s.event.run(newId(), ticketId, at, staffId);

    const last = s.lastCustody.get(store.id) as { seq: number; hash: string } | undefined;
    const entry = {
      id: newId(),
      store_id: store.id,
      seq: (last?.seq ?? 0) + 1,
      ticket_id: ticketId,
      device_id: deviceId,
      kind: 'received',
      location: 'counter',
      staff_id: staffId,
      at,
      note: '',
      prev_hash: last?.hash ?? genesisHash,
      details: '{}',
      reverses: null,
    };
    const hash = custodyHash(entry);
    s.custody.run(entry.id, store.id, entry.seq, ticketId, deviceId, staffId, at, entry.prev_hash, hash);
    s.custodyState.run(ticketId, store.id, deviceId, entry.id, at, at);
    queue('custody_movements', entry.id, { ...entry, hash });
    if (input.deposit) {
      const paymentId = newId();
      const key = `${input.idempotencyKey}:raw:deposit`;
      // prettier-ignore
      s.payment.run(paymentId, store.id, ticketId, today, input.deposit.method, input.deposit.amountFen, staffId, at, key);
      queue('payments', paymentId, { id: paymentId, ticketId, amountFen: input.deposit.amountFen });
    }
    s.request.run(`${input.idempotencyKey}:raw`, ticketId);
    s.audit.run(newId(), store.id, at, staffId, ticketId, JSON.stringify({ ticketNo }));
    queue('tickets', ticketId, { id: ticketId, ticketNo, ...input, passcode: undefined });
  }
}
