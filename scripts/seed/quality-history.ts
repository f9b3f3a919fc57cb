import type Database from 'better-sqlite3';
import { Random, Weighted } from './random';

const hour = 3_600_000;

/** Ratings as customers give them: mostly content, a few unhappy. */
const ratings = new Weighted<number>([
  [5, 55],
  [4, 28],
  [3, 10],
  [2, 4],
  [1, 3],
]);

type Handback = { id: string; customer_id: string; collected_at: number; technician_id: string | null };

/**
 * After-sales quality as it would have accumulated: 30% of hand-backs called back within 2-96 hours
 * (one in five not reached at first and called again the next day), rated 1-5; an unhappy rating
 * opens a complaint that is answered (mostly within the 24-hour deadline), resolved and, mostly,
 * accepted; and one intake in 30 began as a repair call answered within 0-6 hours (one in ten calls
 * never came in). Calls not yet due by `end` are left open, as a queue would hold them.
 */
export function seedQualityHistory(
  sqlite: Database.Database,
  options: { storeId: string; seed: number; end: number },
): { followUps: number; complaints: number; repairCalls: number } {
  const random = new Random(options.seed + 8);
  const callers = sqlite
    .prepare("SELECT id FROM staff WHERE role IN ('clerk', 'supervisor') AND active = 1 ORDER BY name")
    .pluck()
    .all() as string[];
  const boss = (sqlite
    .prepare("SELECT id FROM staff WHERE role = 'supervisor' ORDER BY name")
    .pluck()
    .get() ?? callers[0]) as string;
  const pick = () => callers[random.int(0, callers.length - 1)] as string;
  const insert = {
    followUp: sqlite.prepare(`INSERT INTO follow_ups (id, store_id, ticket_id, reason, technician_id, due_at,
      created_at, closed_at) VALUES (?, ?, ?, 'sampled', ?, ?, ?, ?)`),
    call: sqlite.prepare(`INSERT INTO follow_up_calls (id, follow_up_id, reached, satisfaction, comment, staff_id,
      at, idempotency_key) VALUES (?, ?, ?, ?, '', ?, ?, ?)`),
    complaint:
      sqlite.prepare(`INSERT INTO complaints (id, store_id, ticket_id, source, severity, customer_name,
      customer_phone, summary, reply_due_at, resolve_due_at, replied_at, reply, resolved_at, resolution, acceptance,
      created_by, created_at, updated_at, version, idempotency_key)
      SELECT ?, ?, ?, 'follow_up', 'normal', c.name, coalesce((SELECT phone FROM customer_phones WHERE customer_id = c.id LIMIT 1), ''),
        '回访不满意', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ? FROM customers c WHERE c.id = ?`),
    event: sqlite.prepare(
      'INSERT INTO complaint_events (id, complaint_id, kind, note, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    repairCall:
      sqlite.prepare(`INSERT INTO repair_calls (id, store_id, customer_name, customer_phone, category_id,
      brand, model, fault, called_at, answer_due_at, answered_at, answer, answered_by, ticket_id, closed_at,
      close_reason, created_by, created_at, updated_at, idempotency_key)
      SELECT ?, t.store_id, c.name, coalesce((SELECT phone FROM customer_phones WHERE customer_id = c.id LIMIT 1), ''),
        t.category_id, t.brand, t.model, t.reported_fault, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
      FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?`),
  };
  const counts = { followUps: 0, complaints: 0, repairCalls: 0 };
  // A page at a time: better-sqlite3 cannot write while a read is still being iterated.
  const handbacks = sqlite.prepare(`SELECT t.id, t.customer_id, t.collected_at,
      (SELECT technician_id FROM work_credits w WHERE w.ticket_id = t.id ORDER BY minutes DESC LIMIT 1) AS technician_id
    FROM tickets t WHERE t.store_id = ? AND t.collected_at IS NOT NULL AND (t.collected_at, t.id) > (?, ?)
    ORDER BY t.collected_at, t.id LIMIT 5000`);
  const intakes = sqlite.prepare(`SELECT id, received_at, received_by FROM tickets
    WHERE store_id = ? AND (received_at, id) > (?, ?) ORDER BY received_at, id LIMIT 5000`);
  function* pages<Row extends { id: string }>(statement: Database.Statement, at: (row: Row) => number) {
    for (let page = statement.all(options.storeId, -1, '') as Row[]; page.length > 0;) {
      yield* page;
      const last = page.at(-1) as Row;
      page = statement.all(options.storeId, at(last), last.id) as Row[];
    }
  }

  const callBack = (t: Handback) => {
    const id = random.uuid7(t.collected_at);
    const due = t.collected_at + 72 * hour;
    const first = t.collected_at + random.int(2, 96) * hour;
    const reachedFirst = random.chance(0.8);
    const reachedAt = reachedFirst ? first : first + random.int(20, 30) * hour;
    const closed = reachedAt <= options.end ? reachedAt : null;
    insert.followUp.run(id, options.storeId, t.id, t.technician_id, due, t.collected_at, closed);
    counts.followUps += 1;
    if (first > options.end) return;
    const caller = pick();
    if (!reachedFirst) insert.call.run(random.uuid7(first), id, 0, null, caller, first, random.uuid7(first));
    if (closed === null) return;
    const rating = ratings.draw(random);
    insert.call.run(random.uuid7(reachedAt), id, 1, rating, caller, reachedAt, random.uuid7(reachedAt));
    if (rating <= 2) complain(t, reachedAt, caller);
  };

  const complain = (t: Handback, at: number, caller: string) => {
    const id = random.uuid7(at);
    const replied = at + random.int(1, random.chance(0.85) ? 23 : 60) * hour;
    const resolved = replied + random.int(1, 25) * 24 * hour;
    const answered = resolved + random.int(1, 3) * 24 * hour;
    const accepted = random.chance(0.8) ? 'accepted' : 'not_accepted';
    const [reply, resolution, acceptance] = [
      replied <= options.end ? replied : null,
      resolved <= options.end ? resolved : null,
      answered <= options.end ? accepted : null,
    ];
    insert.complaint.run(
      id,
      options.storeId,
      t.id,
      at + 24 * hour,
      at + 30 * 24 * hour,
      reply,
      reply ? '已致电致歉并约复查' : '',
      reply ? resolution : null,
      reply && resolution ? '免费复修' : '',
      reply && resolution ? acceptance : null,
      caller,
      at,
      Math.max(at, reply ?? 0, resolution ?? 0),
      random.uuid7(at),
      t.customer_id,
    );
    insert.event.run(random.uuid7(at), id, 'logged', '回访不满意', caller, at);
    if (reply) insert.event.run(random.uuid7(reply), id, 'replied', '', caller, reply);
    if (reply && resolution) insert.event.run(random.uuid7(resolution), id, 'resolved', '', boss, resolution);
    if (reply && resolution && acceptance)
      insert.event.run(random.uuid7(answered), id, acceptance, '', caller, answered);
    counts.complaints += 1;
  };

  sqlite.transaction(() => {
    for (const t of pages<Handback>(handbacks, (row) => row.collected_at)) {
      if (random.chance(0.3)) callBack(t);
    }
    type Intake = { id: string; received_at: number; received_by: string };
    for (const t of pages<Intake>(intakes, (row) => row.received_at)) {
      if (!random.chance(1 / 30)) continue;
      const calledAt = t.received_at - random.int(2, 48) * hour;
      const answeredAt = calledAt + random.int(12, 360) * 60_000;
      const cancelled = random.chance(0.1);
      const id = random.uuid7(calledAt);
      insert.repairCall.run(
        id,
        calledAt,
        calledAt + 4 * hour,
        answeredAt,
        '请带机器和购机发票到店检测',
        t.received_by,
        cancelled ? null : t.id,
        cancelled ? answeredAt : t.received_at,
        cancelled ? 'cancelled' : 'converted',
        t.received_by,
        calledAt,
        cancelled ? answeredAt : t.received_at,
        random.uuid7(calledAt),
        t.id,
      );
      counts.repairCalls += 1;
    }
  })();
  return counts;
}
