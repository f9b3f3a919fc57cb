import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/core';
import { syncOnce } from '../../../electron/core/sync/sync.service';
import { importMasterFile } from '../../../server/master-file';
import { purgeTombstones } from '../../../server/sync/feed';
import { addDays, calendarDateIn } from '../../../shared/dates';
import { rpc, value } from '../../helpers/core';
import { chainMaster } from '../../helpers/hq';
import { phoneIntake } from '../../helpers/intake';
import { chain, converge, invariantProblems, type Chain } from './chain';
import type { Fault } from './fault-proxy';

/**
 * A randomised, model-based test: three stores and headquarters, and a random sequence of intakes,
 * sync runs whose requests are dropped before or after headquarters handled them or sent twice,
 * counters restarting, headquarters publishing, changing and deleting master data, and tombstones
 * purged behind the stores' cursors. After any sequence, once the network behaves, the invariant
 * holds. fast-check shrinks a failing sequence to a short one and prints its seed.
 */

type Model = { liveCategories: Set<string>; terms: number };
type Cmd = fc.AsyncCommand<Model, Chain>;
const day = 86_400_000;
const codes = ['SH01', 'BJ01', 'GZ01'];
let serial = 0;

/** A clerk's session on the store's current core (a restarted core has none). */
async function clerkToken(c: Chain, i: number) {
  const store = c.stores[i];
  if (!store) throw new Error(`no store ${i}`);
  const clerk = store.crew.clerk;
  clerk.token = value(await rpc(store.core, 'auth.signIn', { staffId: clerk.id, pin: clerk.pin })).token;
  return { store, token: clerk.token };
}

class Intake implements Cmd {
  constructor(readonly at: number) {}
  check = () => true;
  async run(_model: Model, c: Chain) {
    const { store, token } = await clerkToken(c, this.at);
    const intake = phoneIntake({
      serviceType: 'A',
      estimateFen: 20000,
      promisedDate: addDays(calendarDateIn(store.clock.now(), 'Asia/Shanghai'), 3),
      deposit: { method: 'wechat', amountFen: 500 },
    });
    intake.device = { ...intake.device, purchaseDate: null, serial: `MODEL${(serial += 1)}` };
    value(await rpc(store.core, 'tickets.create', intake, { token }));
  }
  toString = () => `Intake(${codes[this.at]})`;
}

class Sync implements Cmd {
  constructor(
    readonly at: number,
    readonly faults: Fault[],
  ) {}
  check = () => true;
  async run(_model: Model, c: Chain) {
    const store = c.stores[this.at];
    if (!store) throw new Error('no store');
    c.proxy.always('pass');
    c.proxy.next(...this.faults);
    await syncOnce(store.core); // may fail: the faults are the point
    c.proxy.always('pass');
  }
  toString = () => `Sync(${codes[this.at]}, ${this.faults.join('+') || 'clean'})`;
}

/** The counter stops between two calls and opens again on the same database. */
class Restart implements Cmd {
  constructor(readonly at: number) {}
  check = () => true;
  async run(_model: Model, c: Chain) {
    const store = c.stores[this.at];
    if (!store) throw new Error('no store');
    await store.core.close();
    store.core = await Core.open({
      dataDir: store.core.dataDir,
      appVersion: '0.0.0-test',
      now: store.clock.now,
    });
  }
  toString = () => `Restart(${codes[this.at]})`;
}

class RenameCategory implements Cmd {
  constructor(readonly index: number) {}
  check = (model: Readonly<Model>) => model.liveCategories.size > 0;
  async run(model: Model, c: Chain) {
    const id = [...model.liveCategories][this.index % model.liveCategories.size];
    const category = chainMaster().categories?.find((candidate) => candidate.id === id);
    if (!category) throw new Error(`no category ${id}`);
    await importMasterFile(
      c.hq.db,
      { categories: [{ ...category, nameZh: `改名${this.index}` }] },
      c.hq.now(),
    );
  }
  toString = () => `RenameCategory(${this.index})`;
}

class DeleteCategory implements Cmd {
  constructor(readonly index: number) {}
  check = (model: Readonly<Model>) => model.liveCategories.size > 1;
  async run(model: Model, c: Chain) {
    const id = [...model.liveCategories][this.index % model.liveCategories.size] ?? '';
    await importMasterFile(c.hq.db, { delete: [{ entity: 'categories', id }] }, c.hq.now());
    model.liveCategories.delete(id);
  }
  toString = () => `DeleteCategory(${this.index})`;
}

class ChangeTerms implements Cmd {
  check = () => true;
  async run(model: Model, c: Chain) {
    model.terms += 1;
    await importMasterFile(
      c.hq.db,
      { receipt_terms: [{ id: 'default', text: `条款第 ${model.terms} 版` }] },
      c.hq.now(),
    );
  }
  toString = () => 'ChangeTerms';
}

class Purge implements Cmd {
  check = () => true;
  async run(_model: Model, c: Chain) {
    c.hq.advance(100 * day);
    await purgeTombstones(c.hq.db, c.hq.now() - 90 * day);
  }
  toString = () => 'Purge';
}

const store = fc.integer({ min: 0, max: codes.length - 1 });
const fault = fc.constantFrom<Fault>('fail_before', 'drop_response', 'duplicate');
const commands = [
  store.map((at) => new Intake(at)),
  fc.tuple(store, fc.array(fault, { maxLength: 3 })).map(([at, faults]) => new Sync(at, faults)),
  store.map((at) => new Restart(at)),
  fc.nat(20).map((i) => new RenameCategory(i)),
  fc.nat(20).map((i) => new DeleteCategory(i)),
  fc.constant(new ChangeTerms()),
  fc.constant(new Purge()),
];

describe('sync, model-based (fast-check)', () => {
  it('three stores and headquarters converge to the invariant after any run of faults, restarts and publishing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), async (cmds) => {
        const c = await chain(codes);
        try {
          const master = chainMaster('SH01');
          await importMasterFile(c.hq.db, master, c.hq.now());
          const model: Model = { liveCategories: new Set(master.categories?.map((x) => x.id)), terms: 0 };
          await fc.asyncModelRun(() => ({ model, real: c }), cmds);
          await converge(c);
          expect(await invariantProblems(c)).toEqual([]);
        } finally {
          await c.close();
        }
      }),
      { numRuns: Number(process.env.SYNC_MODEL_RUNS ?? 8), endOnFailure: true },
    );
  }, 300_000);
});
