import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { WorkerConfig, WorkerLine } from './money-protocol';

const repoRoot = path.resolve(__dirname, '../..');
const workerFile = path.join(__dirname, 'money-worker.ts');

export type Run = {
  lines: WorkerLine[];
  /** 'SIGKILL' when the test killed it; null when it ended by itself. */
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
};

/**
 * Runs the money worker once. With `kill`, it is killed with SIGKILL `delayMs` after its
 * `afterAcks`-th acknowledgement (the delay is the random moment under test, not a wait for
 * anything); without, it runs until it stops by itself. Resolves once the process has exited and
 * every line it printed has been read.
 */
export function runWorker(config: WorkerConfig, kill?: { afterAcks: number; delayMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', workerFile, JSON.stringify(config)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: WorkerLine[] = [];
    let stderr = '';
    let acks = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    readline.createInterface({ input: child.stdout }).on('line', (text) => {
      let line: WorkerLine;
      try {
        line = JSON.parse(text) as WorkerLine;
      } catch {
        // A line is one write(2) under PIPE_BUF: it arrives whole or not at all, even under SIGKILL.
        reject(new Error(`money-worker printed a torn line: ${text.slice(0, 200)}`));
        return;
      }
      lines.push(line);
      if (line.t !== 'ack' || !kill) return;
      acks += 1;
      if (acks === kill.afterAcks) timer = setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
    });
    child.on('error', reject);
    // 'close' comes after 'exit' and after stdout has ended: no line is still on its way.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ lines, signal, code, stderr });
    });
  });
}
