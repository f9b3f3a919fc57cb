import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { outboxRow } from '../helpers/outbox-row';
import { addressPrinted, stopProcess } from './server-process';

const root = path.resolve(__dirname, '../..');
const tsx = ['--import', 'tsx'];

/**
 * A real headquarters for the UI tests: `npm run hq` and `npm run server` as their own processes on
 * an embedded database in a folder (the commands run before the server, which then holds the folder).
 */
export class HqServer {
  url = '';
  private child: ChildProcess | null = null;

  constructor(readonly dataDir: string) {}

  /** `npm run hq -- <args>`; returns what it printed. */
  hq(...args: string[]): string {
    return execFileSync(process.execPath, [...tsx, 'server/hq.ts', '--data-dir', this.dataDir, ...args], {
      cwd: root,
      encoding: 'utf8',
    });
  }

  /** A one-time enrolment code for a store. */
  enrolmentCode(storeCode: string): string {
    const printed = this.hq('enrol', '--store', storeCode);
    const code = /: ([A-Z0-9]{10}) \(/.exec(printed)?.[1];
    if (!code) throw new Error(`no code in: ${printed}`);
    return code;
  }

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [...tsx, 'server/main.ts', '--port', '0', '--data-dir', this.dataDir],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    this.child = child;
    this.url = await addressPrinted(child, /listening at (http:\/\/[^"\s]+)/, 'headquarters');
  }

  async stop(): Promise<void> {
    await stopProcess(this.child);
    this.child = null;
  }

  /** Another store's counter, as headquarters sees it: enrols, then pushes rows of its own. */
  async otherStore(code: string, storeCode: string, storeId: string) {
    const enrolled = await fetch(`${this.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: `${storeCode} 前台`, storeId, storeCode }),
    });
    const credential = (await enrolled.json()) as { deviceId: string; secret: string };
    const dbInstanceId = crypto.randomUUID();
    let seq = 0;
    return async (rows: { entity: string; row: Record<string, unknown> }[]) => {
      const wire = rows.map(({ entity, row }) => outboxRow(++seq, storeId, entity, row));
      const pushed = await fetch(`${this.url}/v1/push`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Device ${credential.deviceId}:${credential.secret}`,
        },
        body: JSON.stringify({ dbInstanceId, firstSeq: 1, rows: wire }),
      });
      if (!pushed.ok) throw new Error(`push refused: ${await pushed.text()}`);
    };
  }
}
