/**
 * The counter under the sync kill test (`node --import tsx sync-worker.ts '<config JSON>'`): opens the
 * core on the test's database and, in a loop, takes a phone in (a real intake: customer, device,
 * ticket, custody, deposit) and runs one sync (push, then pull) against headquarters. It prints
 * `{"t":"ack","ticket":id}` after an intake the clerk was told went through and `{"t":"synced"}` after
 * each sync run. The test kills it with SIGKILL at random moments: mid-push, between headquarters'
 * commit and the counter's acknowledgement, mid-pull.
 */
// First: the core imports text files the Vite way, which plain Node under tsx cannot load.
import '../../../scripts/seed/text-imports';
import { Core } from '../../../electron/core/core';
import { syncOnce } from '../../../electron/core/sync/sync.service';
import { addDays, calendarDateIn } from '../../../shared/dates';
import { rpc, value } from '../../helpers/core';
import { phoneIntake } from '../../helpers/intake';

export type SyncWorkerConfig = {
  dataDir: string;
  clockStartMs: number;
  clerk: { id: string; pin: string };
  /** Serials start here, so every run's devices are new. */
  serialBase: number;
};

const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function main() {
  const config = JSON.parse(process.argv[2] ?? '') as SyncWorkerConfig;
  const started = Date.now();
  const now = () => config.clockStartMs + (Date.now() - started);
  const core = await Core.open({ dataDir: config.dataDir, appVersion: '0.0.0-test', now });
  const { token } = value(
    await rpc(core, 'auth.signIn', { staffId: config.clerk.id, pin: config.clerk.pin }),
  );
  say({ t: 'ready' });
  for (let i = 0; ; i++) {
    const intake = phoneIntake({
      serviceType: 'A',
      estimateFen: 20000,
      promisedDate: addDays(calendarDateIn(now(), 'Asia/Shanghai'), 3),
      deposit: { method: 'cash', amountFen: 1000 },
    });
    intake.device = { ...intake.device, purchaseDate: null, serial: `SN${config.serialBase + i}` };
    const ticket = value(await rpc(core, 'tickets.create', intake, { token }));
    say({ t: 'ack', ticket: ticket.id });
    if (i % 2 === 1) {
      const status = await syncOnce(core);
      say({ t: 'synced', error: status.lastError, depth: status.outboxDepth });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
