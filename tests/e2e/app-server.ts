import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { addressPrinted, stopProcess } from './server-process';

const serveEntry = path.resolve(__dirname, '../../out/main/serve.js');

/** The built browser-mode server on a data folder, started and stopped like a user would. */
export class AppServer {
  url = '';
  private child: ChildProcess | null = null;

  constructor(readonly dataDir: string) {}

  /** Resolves once the server prints its URL (port 0: the OS picks a free port). */
  async start(): Promise<void> {
    const child = spawn(process.execPath, [serveEntry, '--port', '0', '--data-dir', this.dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    const url = await addressPrinted(child, /listening on (http:\/\/\S+)/, 'the browser-mode server');
    this.url = url.replace(/\/$/, '');
  }

  /** Stops gracefully (SIGTERM: the on-close backup runs) and waits for the process to end. */
  async stop(): Promise<void> {
    await stopProcess(this.child);
    this.child = null;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Calls the core directly, for arranging a test's starting state quickly. */
  async rpc<T = unknown>(method: string, input: unknown, token?: string): Promise<T> {
    const response = await fetch(`${this.url}/rpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ method, input }),
    });
    const result = (await response.json()) as { ok: boolean; value: T; error?: { code: string } };
    if (!result.ok) throw new Error(`${method} failed: ${result.error?.code}`);
    return result.value;
  }
}
