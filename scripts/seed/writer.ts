import type Database from 'better-sqlite3';
import type { Batch } from './producer';
import type { Value } from './rows';
import { strides } from './workflow';

/**
 * Writes batches of generated rows with bare prepared statements, several batches a transaction: the
 * customer with their phones and name index (a customer_names FTS row keyed by customers.rowid plus
 * customer_name_bigrams, as indexCustomerName writes them), the device, the ticket, where its device
 * ends up (custody_state), the deposit, the repair workflow of the batch's tickets (every event,
 * labour entry, QC and supervisor check, approval), the custody entries that fell due (of this
 * batch's tickets and earlier ones, after the tickets they name), and ticket_sequences /
 * device_models kept in step.
 *
 * Seeded history writes no audit_log, outbox or intake_requests rows: nobody did these things at
 * this counter, and headquarters must not be sent a million invented changes.
 */
const params = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export class SeedWriter {
  private readonly insert;
  /** Tickets written since the last commit. */
  private pending = 0;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly storeId: string,
    /** Tickets per transaction: batches are written as they come and committed this many at a time. */
    private readonly ticketsPerCommit = 10_000,
  ) {
    const prepare = (sql: string) => sqlite.prepare(sql);
    this.insert = {
      customer: prepare(`INSERT INTO customers (id, name, address, notes, created_at, updated_at, store_id)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      name: prepare('INSERT INTO customer_names (rowid, name) VALUES (?, ?)'),
      bigram: prepare(
        'INSERT INTO customer_name_bigrams (bigram, customer_rowid) VALUES (?, ?) ON CONFLICT DO NOTHING',
      ),
      phone: prepare('INSERT INTO customer_phones (store_id, phone, customer_id) VALUES (?, ?, ?)'),
      device: prepare(`INSERT INTO devices (id, customer_id, category_id, brand, model, colour, serial,
        purchase_date, invoice_no, seller, created_at, updated_at, store_id)
        VALUES (${params(13)})`),
      ticket: prepare(`INSERT INTO tickets (id, ticket_no, business_date, customer_id, device_id, status,
        service_type, priority, reported_fault, fault_codes, condition, accessories, accessories_note,
        passcode, warranty_part, user_damage, warranty, service_type_reason, estimate_fen, diagnosis_fee_fen,
        cost_limit_fen, promised_date, shelf_location, re_repair_of, received_by, received_at, collected_at,
        updated_at, version, assigned_to, status_at, activity_at, diagnosis, cause, action_taken, diagnosed_by,
        approved_fen, checked_by, checked_at, charge_basis, outcome, outcome_reason, outcome_at,
        replacement_serial, store_id)
        VALUES (${params(45)})`),
      event: prepare(`INSERT INTO ticket_events (id, ticket_id, at, staff_id, from_status, to_status, note,
        action, details) VALUES (${params(strides.events)})`),
      labour:
        prepare(`INSERT INTO labour_entries (id, ticket_id, technician_id, minutes, started_at, ended_at,
        source, note, recorded_by, at, store_id) VALUES (${params(strides.labour + 1)})`),
      check: prepare(`INSERT INTO repair_checks (id, ticket_id, kind, passed, staff_id, at, note, store_id)
        VALUES (${params(strides.checks + 1)})`),
      approval: prepare(`INSERT INTO approvals (id, ticket_id, decision, method, given_by, amount_fen,
        recorded_by, at, note, store_id) VALUES (${params(strides.approvals + 1)})`),
      custody:
        prepare(`INSERT INTO custody_movements (id, seq, ticket_id, device_id, kind, location, staff_id,
        at, note, prev_hash, details, hash, store_id) VALUES (${params(13)})`),
      state: prepare(`INSERT INTO custody_state (ticket_id, device_id, place, location, kind, entry_id, since,
        details, received_at, store_id) VALUES (${params(10)})`),
      payment:
        prepare(`INSERT INTO payments (id, ticket_id, business_date, kind, method, amount_fen, staff_id,
        at, idempotency_key, note, store_id) VALUES (?, ?, ?, 'deposit', ?, ?, ?, ?, ?, '', ?)`),
      sequence: prepare(`INSERT INTO ticket_sequences (store_id, business_date, last_seq) VALUES (?, ?, ?)
        ON CONFLICT (store_id, business_date) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`),
      model: prepare(`INSERT INTO device_models (category_id, brand, model, uses) VALUES (?, ?, ?, ?)
        ON CONFLICT (category_id, brand, model) DO UPDATE SET uses = uses + excluded.uses`),
    };
  }

  /** Writes one batch, in the open transaction (begun if none is); commits every `ticketsPerCommit`. */
  write(batch: Batch): void {
    const { insert, storeId } = this;
    if (!this.sqlite.inTransaction) this.sqlite.exec('BEGIN');
    try {
      for (const rows of batch.intakes) {
        if (rows.customer) {
          const rowid = Number(insert.customer.run(...rows.customer, storeId).lastInsertRowid);
          insert.name.run(rowid, rows.indexedName);
          for (const bigram of rows.bigrams) insert.bigram.run(bigram, rowid);
          for (const phone of rows.phones) insert.phone.run(storeId, phone, rows.customer[0]);
        }
        if (rows.device) insert.device.run(...rows.device, storeId);
        insert.ticket.run(...rows.ticket, storeId);
        insert.state.run(...rows.state, storeId);
        if (rows.payment) insert.payment.run(...rows.payment, storeId);
      }
      const { jobs } = batch;
      runFlat(insert.event, jobs.events, strides.events, null);
      runFlat(insert.labour, jobs.labour, strides.labour, storeId);
      runFlat(insert.check, jobs.checks, strides.checks, storeId);
      runFlat(insert.approval, jobs.approvals, strides.approvals, storeId);
      for (const entry of batch.custody) insert.custody.run(...entry, storeId);
      for (const [date, seq] of batch.sequences) insert.sequence.run(storeId, date, seq);
      for (const model of batch.models ?? []) insert.model.run(...model);
    } catch (error) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      throw error;
    }
    this.pending += batch.intakes.length;
    if (this.pending >= this.ticketsPerCommit) this.commit();
  }

  /** Commits what was written since the last commit (the seed calls it after the last batch). */
  commit(): void {
    if (this.sqlite.inTransaction) this.sqlite.exec('COMMIT');
    this.pending = 0;
  }
}

/** Runs `statement` once per row of a flat array (`stride` values a row), plus the store when given. */
function runFlat(statement: Database.Statement, flat: Value[], stride: number, storeId: string | null): void {
  const args: Value[] = new Array<Value>(storeId === null ? stride : stride + 1);
  if (storeId !== null) args[stride] = storeId;
  for (let i = 0; i < flat.length; i += stride) {
    for (let j = 0; j < stride; j++) args[j] = flat[i + j] as Value;
    statement.run(args);
  }
}
