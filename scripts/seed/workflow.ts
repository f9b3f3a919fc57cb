import type { Role } from '../../shared/roles';
import { ruleFor, viaOfAction } from '../../shared/ticket-status';
import { repairNotes, type RepairNotes } from './faults';
import type { Intake } from './history';
import { duringHours } from './hours';
import { Weighted, type Random } from './random';
import type { Value } from './rows';
import { TrailMaker, vendorChance, type PlannedEntry, type TrailOptions } from './trails';

/**
 * A ticket's repair as the app would have recorded it, act by act, each a `ticket_events` row made
 * the way the core makes it (electron/core/repair): claimed or assigned, to diagnosing, diagnosed
 * (with the customer's approval when the estimate is over their limit), waiting for parts, repaired
 * (labour on the card), the technician's QC and the supervisor's check, ready, collected; or put on
 * hold, sent to a vendor, given up, declined, replaced or refunded under 三包, cancelled, abandoned.
 *
 * Every move is checked against shared/ticket-status.ts as it is generated (rule, action, role and
 * needs): a path the rules refuse is a bug in the seed and stops it. The custody trail is made in the
 * same pass on the same clock, so a device leaves for the vendor, comes back, is handed back or is
 * disposed of at the very moment the matching act is recorded.
 */

export type JobOptions = TrailOptions & {
  /** Counter staff (intakes, approvals, collections), with how often each serves. */
  clerks: Weighted<string>;
  /** Technicians, with their share of the jobs. */
  technicians: Weighted<string>;
  /** Every seeded person by id: the rules are checked against their role. */
  staff: Record<string, { role: Role; name: string }>;
  /** Technicians who write their notes in English. */
  english: readonly string[];
};

/**
 * The repair card rows of a batch, flat (a row every `strides[table]` values, in the writer's
 * column order), which keeps the hand-over from the worker thread cheap.
 */
export type JobRows = { events: Value[]; labour: Value[]; checks: Value[]; approvals: Value[] };
export const strides = { events: 9, labour: 10, checks: 7, approvals: 9 } as const;
export const newJobRows = (): JobRows => ({ events: [], labour: [], checks: [], approvals: [] });

/** The ticket's workflow columns as its last act leaves them. */
export type Job = {
  status: string;
  version: number;
  assignedTo: string | null;
  statusAt: number;
  activityAt: number;
  updatedAt: number;
  diagnosis: string;
  cause: string;
  actionTaken: string;
  diagnosedBy: string | null;
  estimateFen: number;
  approvedFen: number | null;
  checkedBy: string | null;
  checkedAt: number | null;
  chargeBasis: 'estimate' | 'diagnosis_fee' | 'free';
  outcome: 'replace' | 'refund' | null;
  outcomeReason: string;
  outcomeAt: number | null;
  replacementSerial: string;
};

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Where an open job is parked, when it is. */
const holdFrom = new Weighted([
  ['received', 15],
  ['diagnosing', 25],
  ['awaiting_parts', 30],
  ['in_repair', 30],
]);
const holdNotes = [
  '等待客户提供锁屏密码',
  '客户要求暂缓维修',
  '等待客户确认是否需要备份数据',
  '客户出差，下周再联系',
  'Waiting for the customer to bring the charger',
];
const giveUpNotes = ['配件已停产，无法维修', '维修成本高于机器价值，客户放弃', '主板损坏严重，无法修复'];
const vendorGaveUp = ['厂家检测后无法维修，原样退回', 'Vendor could not repair it; returned as is'];
const cancelNotes = ['客户取消维修', '客户决定不修了', '客户已购买新机，取消维修'];
const recheckNotes = ['验机未通过：仍有杂音，返工', '验机未通过：外壳缝隙过大', '复检发现充电仍不稳定'];
const reopenNotes = ['客户试机发现故障仍在，返修', '取机时测试不通过，重新维修'];
const qcFailNotes = ['自测未通过，继续维修', '老化测试中再次死机'];
const approvalMethods = new Weighted([
  ['phone', 60],
  ['message', 25],
  ['in_person', 15],
]);
const approvers = ['本人', '本人', '本人', '家属', '公司同事'];

export class JobMaker {
  private readonly trail: TrailMaker;
  private readonly random: Random;
  private readonly english: Set<string>;
  private t = null as unknown as Intake;
  private out = null as unknown as JobRows;
  private job = null as unknown as Job;
  private notes: RepairNotes | null = null;
  /** What the ticket becomes at the end of the history, and where (if anywhere) it is put on hold. */
  private target = '';
  private holdFrom: string | null = null;
  private finishes = 0;

  constructor(private readonly options: JobOptions) {
    this.trail = new TrailMaker(options);
    this.random = options.random;
    this.english = new Set(options.english);
  }

  /** Walks a ticket from intake to `t.status`, appending its rows to `out`; returns its custody trail. */
  life(t: Intake, out: JobRows): { entries: PlannedEntry[]; job: Job } {
    const { random, trail } = this;
    this.t = t;
    this.out = out;
    this.notes = null;
    this.finishes = 0;
    this.target = t.status;
    this.job = {
      status: 'received',
      version: 1,
      assignedTo: null,
      statusAt: t.at,
      activityAt: t.at,
      updatedAt: t.at,
      diagnosis: '',
      cause: '',
      actionTaken: '',
      diagnosedBy: null,
      estimateFen: t.deal.estimateFen,
      approvedFen: null,
      checkedBy: null,
      checkedAt: null,
      chargeBasis: t.deal.serviceType === 'C' ? 'free' : 'estimate', // as intake sets it
      outcome: null,
      outcomeReason: '',
      outcomeAt: null,
      replacementSerial: '',
    };
    trail.begin(t);
    out.events.push(random.uuid7(t.at), t.id, t.at, t.staffId, null, 'received', '', 'intake', '{}');
    // Parked on purpose (the target), or now and then on the way and taken up again days later.
    this.holdFrom =
      this.target === 'on_hold'
        ? holdFrom.draw(random)
        : t.route === 'repair' &&
            t.collectedAt !== null &&
            t.collectedAt - t.at > 3 * day &&
            random.chance(0.05)
          ? holdFrom.draw(random)
          : null;
    if (t.route === 'cancelled') this.cancelled();
    else {
      if (t.route === 'unrepaired') this.unrepaired();
      else this.repair();
      if (this.target === 'collected') this.collect();
      else if (this.target === 'abandoned') this.abandon();
    }
    const settled = this.job.status;
    const fallback =
      this.target === 'abandoned' && (settled === 'ready' || settled === 'returned_unrepaired');
    if (settled !== this.target && !fallback) {
      throw new Error(`Ticket ${t.id} (${t.route}) ended ${settled}, not ${this.target}`);
    }
    return { entries: trail.entries, job: this.job };
  }

  /** Diagnosed, repaired (here or by a vendor), checked and ready; or stopped where the target says. */
  private repair(): void {
    const { t, trail, random, target } = this;
    const quick = t.collectedAt !== null && t.collectedAt - t.at < 8 * hour;
    // Done while the customer waits or shops, or urgent: straight to a bench.
    const rush = quick || t.deal.priority === 'urgent';
    if (!rush) trail.toShelf(t);
    if (target === 'received') {
      // Waiting for a technician: some already have theirs.
      if (random.chance(0.3)) this.assign(hour, 20 * hour);
      return;
    }
    if (this.holdAt('received')) return;
    // Taken up: claimed (or assigned), to the workshop, diagnosing. A few are started unassigned.
    if (target === 'diagnosing' && random.chance(0.25)) {
      trail.toWorkshop(this.options.technicians.draw(random), hour, 44 * hour);
      this.act('move', 'diagnosing', random.pick(this.options.supervisors), trail.after(minute, 10 * minute));
      return;
    }
    const tech = this.assign(rush ? 5 * minute : hour, rush ? 40 * minute : 44 * hour);
    trail.toWorkshop(tech, minute, 15 * minute);
    this.act('move', 'diagnosing', tech, trail.after(minute, 10 * minute));
    if (target === 'diagnosing' || this.holdAt('diagnosing')) return;

    // A trip to a service centre takes days: only when the customer has not already collected.
    const vendorShare = (vendorChance[t.categoryId] ?? 0.1) * (t.deal.serviceType === 'C' ? 2 : 1);
    const viaVendor =
      target === 'at_vendor' ||
      t.route === 'refunded' ||
      (!quick && trail.room > 6 * day && random.chance(vendorShare));
    const direct =
      viaVendor &&
      t.route !== 'replaced' &&
      !['awaiting_approval', 'awaiting_parts', 'in_repair', 'on_hold'].includes(target) &&
      // Straight to the vendor only when the intake estimate needs no approval first.
      !this.needsApproval() &&
      random.chance(0.3);
    if (!direct) {
      const waitParts =
        !quick &&
        (target === 'awaiting_parts' ||
          this.holdFrom === 'awaiting_parts' ||
          t.route === 'replaced' ||
          random.chance(0.25));
      const next = waitParts ? 'awaiting_parts' : 'in_repair';
      this.diagnose(next, target === 'awaiting_approval');
      if (this.job.status === 'awaiting_approval') {
        if (target === 'awaiting_approval') return;
        this.approve(true, next);
      }
      if (this.job.status === 'awaiting_parts') {
        if (target === 'awaiting_parts' || this.holdAt('awaiting_parts')) return;
        if (t.route === 'replaced') return this.replace(tech);
        this.act('move', 'in_repair', tech, trail.after(day, 7 * day));
      }
      if (target === 'in_repair') {
        // Some work logged already, most of it in the first days.
        if (random.chance(0.7)) {
          const from = this.job.statusAt;
          this.labour(tech, from, Math.min(this.options.end, from + 2 * day), random.int(1, 3));
        }
        return;
      }
      if (this.holdAt('in_repair')) return;
    }
    if (viaVendor) {
      this.toVendor(tech);
      if (target === 'at_vendor') return;
      if (t.route === 'refunded') return this.refund();
      this.fromVendor('repaired');
    } else this.finish(tech, rush);
    if (target === 'awaiting_check') return;
    // The supervisor's check: now and then sent back to the bench first.
    if (!quick && random.chance(0.07)) {
      this.check(false, rush);
      this.finish(tech, rush);
    }
    this.check(true, rush);
    trail.backToShelf(t, tech, 5 * minute, rush ? hour : 3 * hour);
    if (target === 'ready') return;
    // The customer's trial at the counter finds the fault again: reopened, back to the bench once.
    if (!quick && trail.room > 3 * day && random.chance(0.04)) {
      this.act(
        'move',
        'in_repair',
        random.pick(this.options.supervisors),
        trail.after(hour, day),
        random.pick(reopenNotes),
      );
      trail.toWorkshop(tech, 5 * minute, 2 * hour);
      this.finish(tech, false);
      this.check(true, false);
      trail.backToShelf(t, tech, 5 * minute, 3 * hour);
    }
  }

  /** Declined at the estimate, given up on the bench, or the vendor could not: back unrepaired. */
  private unrepaired(): void {
    const { t, trail, random } = this;
    if (t.deal.priority !== 'urgent') trail.toShelf(t);
    const tech = this.assign(hour, 44 * hour);
    trail.toWorkshop(tech, minute, 15 * minute);
    this.act('move', 'diagnosing', tech, trail.after(minute, 10 * minute));
    const r = random.float();
    if (t.deal.costLimitFen !== null && r < 0.5) {
      this.diagnose('in_repair', true);
      this.approve(false, 'in_repair');
    } else if (r < 0.75 && trail.room > 6 * day && !this.needsApproval()) {
      this.toVendor(tech);
      this.fromVendor('unrepaired');
    } else {
      this.diagnose(random.chance(0.5) ? 'awaiting_parts' : 'in_repair', false);
      if (this.job.status === 'awaiting_approval') this.approve(true, 'in_repair');
      this.act('move', 'returned_unrepaired', tech, trail.after(hour, 5 * day), random.pick(giveUpNotes));
    }
    trail.backToShelf(t, tech, 10 * minute, 3 * hour);
  }

  /** Taken back before any repair: at the counter, or after the diagnosis (the price, say). */
  private cancelled(): void {
    const { t, trail, random } = this;
    trail.toShelf(t);
    if (random.chance(0.5)) {
      const tech = this.assign(hour, 44 * hour);
      trail.toWorkshop(tech, minute, 15 * minute);
      this.act('move', 'diagnosing', tech, trail.after(minute, 10 * minute));
      if (random.chance(0.6)) this.diagnose('diagnosing', false);
      trail.backToShelf(t, tech, hour, 2 * day);
    }
    const clerk = this.options.clerks.draw(random);
    trail.handBack(clerk, trail.limit);
    this.act('move', 'cancelled', clerk, trail.limit, random.pick(cancelNotes));
  }

  /** Collected over the counter: the move and the hand-back at the same moment, by the same clerk. */
  private collect(): void {
    const clerk = this.options.clerks.draw(this.random);
    const at = this.trail.limit;
    this.trail.handBack(clerk, at);
    this.act('pickup', 'collected', clerk, at);
  }

  /** Disposed of after the storage period and a notice, if that falls within the history. */
  private abandon(): void {
    const disposal = this.trail.dispose(this.t);
    if (!disposal) return;
    const details = JSON.stringify({ noticeDate: disposal.noticeDate });
    this.act('abandon', 'abandoned', disposal.staffId, disposal.at, '', details);
  }

  /** Parks the job where `holdFrom` says: left there (the target), or taken up again days later. */
  private holdAt(status: string): boolean {
    if (this.holdFrom !== status) return false;
    const { trail, random } = this;
    const tech = this.job.assignedTo ?? this.options.technicians.draw(random);
    this.act('move', 'on_hold', tech, trail.after(10 * minute, 6 * hour), random.pick(holdNotes));
    if (this.target === 'on_hold') return true;
    this.act('move', status, tech, trail.after(day, 5 * day));
    return false;
  }

  /** 派工: a supervisor assigns the job, or (more often) a technician claims it by its card. */
  private assign(min: number, max: number): string {
    const { random, options } = this;
    const tech = options.technicians.draw(random);
    const name = options.staff[tech]?.name ?? '';
    const at = this.trail.after(min, max);
    const status = this.job.status;
    this.job.assignedTo = tech;
    if (random.chance(0.3)) {
      const details = JSON.stringify({ from: null, to: tech, name });
      this.act('assign', status, random.pick(options.supervisors), at, '', details);
    } else this.act('claim', status, tech, at, '', JSON.stringify({ to: tech, name }));
    return tech;
  }

  /**
   * The diagnosis and estimate (now and then revised); over the customer's cost limit the job waits
   * for their approval, as repair.diagnose decides. `overLimit`: the revised estimate is over it.
   */
  private diagnose(next: 'in_repair' | 'awaiting_parts' | 'diagnosing', overLimit: boolean): void {
    const { t, job, random } = this;
    const tech = job.assignedTo as string;
    const notes = repairNotes(random, t.fault.faultCodes, this.english.has(tech));
    const limit = t.deal.costLimitFen;
    let estimate = job.estimateFen;
    if (overLimit && limit !== null && estimate <= limit) estimate = limit + random.int(2, 40) * 1000;
    else if (estimate > 0 && random.chance(0.12))
      estimate = Math.round((estimate * (1.1 + random.float() * 0.5)) / 1000) * 1000;
    this.notes = notes;
    job.diagnosis = notes.diagnosis;
    job.cause = notes.cause;
    job.diagnosedBy = tech;
    job.estimateFen = estimate;
    const to = this.needsApproval() ? 'awaiting_approval' : next;
    const details = `{"estimateFen":${estimate},"costLimitFen":${limit}}`;
    this.act('diagnose', to, tech, this.trail.after(20 * minute, 5 * hour), '', details);
  }

  /** The customer's answer, taken at the counter or by phone; declined: back unrepaired, fee due. */
  private approve(approved: boolean, next: 'in_repair' | 'awaiting_parts'): void {
    const { t, job, random } = this;
    const clerk = this.options.clerks.draw(random);
    const at = this.trail.after(hour, 2 * day);
    const method = approvalMethods.draw(random);
    const givenBy = random.pick(approvers);
    const decision = approved ? 'approved' : 'declined';
    const note = approved ? '' : '客户认为报价太高，不修了';
    this.out.approvals.push(
      random.uuid7(at),
      t.id,
      decision,
      method,
      givenBy,
      job.estimateFen,
      clerk,
      at,
      note,
    );
    const said = { decision, method, givenBy };
    if (approved) {
      job.approvedFen = job.estimateFen;
      this.act('approve', next, clerk, at, note, JSON.stringify({ ...said, amountFen: job.estimateFen }));
    } else {
      job.chargeBasis = 'diagnosis_fee';
      const details = JSON.stringify({ ...said, diagnosisFeeFen: t.deal.diagnosisFeeFen });
      this.act('approve', 'returned_unrepaired', clerk, at, note, details);
    }
  }

  /** Labour on the bench, then the technician's QC (now and then failed once first). */
  private finish(tech: string, rush: boolean): void {
    const { t, job, random, trail } = this;
    // Back from a vendor undiagnosed and sent to the bench: the technician's own diagnosis first.
    if (!job.diagnosis) {
      this.diagnose('in_repair', false);
      if (job.status === 'awaiting_approval') this.approve(true, 'in_repair');
    }
    let start = job.statusAt;
    job.actionTaken = this.notes?.actionTaken ?? job.actionTaken;
    if (!rush && random.chance(0.03)) {
      const at = trail.after(30 * minute, day);
      const note = random.pick(qcFailNotes);
      this.labour(tech, start, at, 1);
      start = at;
      this.out.checks.push(random.uuid7(at), t.id, 'qc', 0, tech, at, note);
      this.act('qc', 'in_repair', tech, at, note, '{"qcPassed":false}');
    }
    const at = trail.after(rush ? 10 * minute : 30 * minute, rush ? hour : 2 * day);
    // The first stretch of work takes one to three sittings; going back over it, one.
    const sittings = this.finishes++ === 0 ? (random.chance(0.5) ? 1 : random.chance(0.7) ? 2 : 3) : 1;
    this.labour(tech, start, at, sittings);
    this.out.checks.push(random.uuid7(at), t.id, 'qc', 1, tech, at, '');
    this.act('qc', 'awaiting_check', tech, at, '', '{"qcPassed":true}');
  }

  /** 主任验讫: only a supervisor's pass makes the job ready; a fail sends it back to the bench. */
  private check(passed: boolean, rush: boolean): void {
    const { t, job, random } = this;
    const supervisor = random.pick(this.options.supervisors);
    const at = this.trail.after(10 * minute, rush ? 30 * minute : 8 * hour);
    const note = passed ? '' : random.pick(recheckNotes);
    if (passed) {
      job.checkedBy = supervisor;
      job.checkedAt = at;
    }
    this.act('check', passed ? 'ready' : 'in_repair', supervisor, at, note, `{"passed":${passed}}`);
    this.out.checks.push(random.uuid7(at), t.id, 'supervisor', passed ? 1 : 0, supervisor, at, note);
  }

  /** Work logged in minutes between `from` and `to`: by timer when it fits, else written by hand. */
  private labour(tech: string, from: number, to: number, count: number): void {
    const { t, random, job } = this;
    const span = (to - from) / count;
    for (let i = 0; i < count; i++) {
      const minutes = random.int(10, 180);
      // In the sitting's share of the stretch, while the shop is open if that falls within it.
      const drawn = Math.floor(from + span * (i + 0.5 + 0.8 * (random.float() - 0.5)));
      const open = duringHours(this.options.zone, random, drawn);
      const at = open < to ? open : drawn;
      const started = at - minutes * minute;
      const timer = started >= from && random.chance(0.7);
      this.out.labour.push(
        random.uuid7(at),
        t.id,
        tech,
        minutes,
        timer ? started : null,
        timer ? at : null,
        timer ? 'timer' : 'manual',
        '',
        tech,
        at,
      );
      // Labour marks the ticket active (markActive) without a new version.
      if (at > job.activityAt) job.activityAt = at;
    }
  }

  /** repair.toVendor: the custody entry and the move, at the same moment. */
  private toVendor(tech: string): void {
    const leg = this.trail.toVendor(this.t, tech);
    const details = JSON.stringify({ vendor: leg.vendor, rmaNo: leg.rmaNo, expectedBack: leg.expectedBack });
    this.act('to_vendor', 'at_vendor', tech, leg.at, '', details);
  }

  /** repair.fromVendor: back at the counter, to be checked, or returned as it was. */
  private fromVendor(result: 'repaired' | 'unrepaired'): void {
    const clerk = this.options.clerks.draw(this.random);
    const at = this.trail.fromVendor(clerk, 4 * day, 21 * day);
    const to = result === 'repaired' ? 'awaiting_check' : 'returned_unrepaired';
    const note = result === 'repaired' ? '' : this.random.pick(vendorGaveUp);
    this.act('from_vendor', to, clerk, at, note, `{"result":"${result}"}`);
  }

  /** 三包: parts did not come in time, a supervisor closes the claim with a new device. */
  private replace(tech: string): void {
    const { t, job, random, trail } = this;
    const supervisor = random.pick(this.options.supervisors);
    const at = trail.after(3 * day, 15 * day);
    job.outcome = 'replace';
    job.outcomeReason = '等待配件超过规定期限，按三包规定换机';
    job.outcomeAt = at;
    job.chargeBasis = 'free';
    job.replacementSerial = t.categoryId === 'phone' ? `86${random.digits(13)}` : `RP${random.digits(12)}`;
    const details = '{"outcome":"replace","entitled":["repair","replace"]}';
    this.act('outcome', 'replaced', supervisor, at, job.outcomeReason, details);
    trail.backToShelf(t, tech, 10 * minute, 3 * hour);
  }

  /** 三包: the manufacturer refunds; its service centre keeps the device. */
  private refund(): void {
    const { job, random } = this;
    const supervisor = random.pick(this.options.supervisors);
    const at = this.trail.after(2 * day, 14 * day);
    job.outcome = 'refund';
    job.outcomeReason = '同一故障两次维修后仍不能正常使用，按三包规定退货';
    job.outcomeAt = at;
    job.chargeBasis = 'free';
    const details = '{"outcome":"refund","entitled":["repair","replace","refund"]}';
    this.act('outcome', 'refunded', supervisor, at, job.outcomeReason, details);
  }

  /** The customer pays, the estimate is over their limit and no approval covers it (as the core says). */
  private needsApproval(): boolean {
    const limit = this.t.deal.costLimitFen;
    const { estimateFen, approvedFen, chargeBasis } = this.job;
    return (
      chargeBasis !== 'free' && limit !== null && estimateFen > limit && (approvedFen ?? -1) < estimateFen
    );
  }

  /**
   * One act on the ticket: its event row, a new version, the times. A move is checked first against
   * the state machine: the rule exists, the action makes it, the person's role may, its needs hold.
   */
  private act(action: string, to: string, staffId: string, at: number, note = '', details = '{}'): void {
    const { job } = this;
    const from = job.status;
    if (to !== from) {
      const rule = ruleFor(from, to);
      const role = this.options.staff[staffId]?.role;
      const refused = !rule
        ? 'no such move'
        : rule.via !== viaOfAction[action]
          ? `made by ${rule.via}, not ${action}`
          : !role || !rule.by.includes(role)
            ? `not by a ${role ?? 'stranger'}`
            : rule.needs.find(
                (need) =>
                  (need === 'note' && !note) ||
                  (need === 'diagnosis' && !job.diagnosis) ||
                  (need === 'approval' && this.needsApproval()),
              );
      if (refused) throw new Error(`Seed bug: ticket ${this.t.id} ${from} → ${to}: ${refused}`);
      job.status = to;
      job.statusAt = at;
    }
    this.out.events.push(this.random.uuid7(at), this.t.id, at, staffId, from, to, note, action, details);
    this.trail.mark(at);
    job.version += 1;
    job.activityAt = at;
    job.updatedAt = at;
  }
}
