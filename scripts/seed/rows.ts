import { bigramsOf, normalizeName } from '../../electron/core/customers/name-index';
import { yymmdd } from './calendar';
import type { Intake } from './history';
import type { Random } from './random';
import type { Job } from './workflow';

/**
 * Turns intakes into the exact column values the writer inserts: the ticket's daily number, its JSON
 * columns, its workflow columns as its last act left them (workflow.ts) and the customer's name index
 * entries (as indexCustomerName writes them). Runs wherever
 * the history is generated (a worker thread for big seeds), in time order, so numbers follow the
 * clock. The custody entries are chained apart (ledger.ts): they fall due later than the intake.
 */

export type Value = string | number | null;

export type IntakeRows = {
  /** id, name, address, notes, created_at, updated_at; the writer adds the store, reads back the rowid. */
  customer: Value[] | null;
  /** The name as customer_names holds it, and its bigrams. */
  indexedName: string;
  bigrams: string[];
  phones: string[];
  device: Value[] | null;
  ticket: Value[];
  /** Where the device is at the end of the history (custody_state), as the ticket's trail leaves it. */
  state: Value[];
  payment: Value[] | null;
};

export class RowBuilder {
  private day = '';
  private daySeq = 0;
  /** Days touched since the last take: business date -> last sequence. */
  private sequences = new Map<string, number>();
  private readonly models = new Map<string, number>();

  constructor(
    private readonly store: { id: string; code: string },
    private readonly random: Random,
  ) {}

  rows(t: Intake, state: Value[], job: Job): IntakeRows {
    const { store } = this;
    const c = t.newCustomer;
    const d = t.newDevice;
    if (t.businessDate !== this.day) {
      this.day = t.businessDate;
      this.daySeq = 0;
    }
    this.daySeq += 1;
    this.sequences.set(this.day, this.daySeq);
    const modelKey = `${t.categoryId}\u0000${t.brand}\u0000${t.model}`;
    this.models.set(modelKey, (this.models.get(modelKey) ?? 0) + 1);

    const { fault: f, deal } = t;
    const ticketNo = `${store.code}-${yymmdd(t.businessDate)}-${String(this.daySeq).padStart(4, '0')}`;
    const paymentId = deal.deposit ? this.random.uuid7(t.at) : '';
    return {
      customer: c ? [c.id, c.name, c.address, c.notes, t.at, t.at] : null,
      indexedName: c ? normalizeName(c.name) : '',
      bigrams: c ? bigramsOf(c.name) : [],
      phones: c ? c.phones : [],
      device: d
        ? [
            d.id,
            d.customerId,
            d.categoryId,
            d.brand,
            d.model,
            d.colour,
            d.serial,
            d.purchaseDate,
            d.invoiceNo,
            d.seller,
            t.at,
            t.at,
          ]
        : null,
      // prettier-ignore
      ticket: [
        t.id, ticketNo, t.businessDate, t.customerId, t.deviceId, job.status, deal.serviceType, deal.priority,
        f.reportedFault, JSON.stringify(f.faultCodes), JSON.stringify(f.condition), JSON.stringify(f.accessories),
        f.accessoriesNote, f.passcode, t.warrantyPart, t.userDamage ? 1 : 0, t.warranty, deal.serviceTypeReason,
        job.estimateFen, deal.diagnosisFeeFen, deal.costLimitFen, deal.promisedDate, deal.shelfLocation,
        t.reRepairOf, t.staffId, t.at, job.status === 'collected' ? t.collectedAt : null, job.updatedAt,
        job.version, job.assignedTo, job.statusAt, job.activityAt, job.diagnosis, job.cause, job.actionTaken,
        job.diagnosedBy, job.approvedFen, job.checkedBy, job.checkedAt, job.chargeBasis, job.outcome,
        job.outcomeReason, job.outcomeAt, job.replacementSerial,
      ],
      state,
      payment: deal.deposit
        ? [
            paymentId,
            t.id,
            t.businessDate,
            deal.deposit.method,
            deal.deposit.amountFen,
            t.staffId,
            t.at,
            `seed:${paymentId}:deposit`,
          ]
        : null,
    };
  }

  /** The day counters written since the last call, as [business date, last sequence]. */
  takeSequences(): [string, number][] {
    const taken = [...this.sequences];
    this.sequences = new Map();
    return taken;
  }

  /** Uses per model, as [category, brand, model, uses]. */
  takeModels(): [string, string, string, number][] {
    return [...this.models].map(([key, uses]) => {
      const [category = '', brand = '', model = ''] = key.split('\u0000');
      return [category, brand, model, uses];
    });
  }
}
