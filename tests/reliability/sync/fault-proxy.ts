import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What happens to one request between a counter and headquarters:
 * - `pass`: delivered, and the answer too;
 * - `fail_before`: the connection drops before headquarters sees it;
 * - `drop_response`: headquarters handles it, then the connection drops before the answer arrives
 *   (the counter cannot tell this from `fail_before`);
 * - `duplicate`: delivered twice at once (a retrying network), the first answer returned.
 */
export type Fault = 'pass' | 'fail_before' | 'drop_response' | 'duplicate';

export type Seen = {
  method: string;
  url: string;
  authorization: string;
  body: string;
  status: number | null;
};

/** An HTTP proxy in front of headquarters that does to each request what the test says. */
export class FaultProxy {
  url = '';
  /** Every request that went through, for replaying. */
  readonly seen: Seen[] = [];
  /** Called with headquarters' answer before it is passed on (the test may kill the counter here). */
  beforeAnswer: ((seen: Seen) => void | Promise<void>) | null = null;
  private readonly queue: Fault[] = [];
  private fallback: Fault = 'pass';
  private readonly server: http.Server;

  constructor(private readonly target: string) {
    this.server = http.createServer((request, response) => void this.handle(request, response));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next requests meet these faults, in order; after them, `fallback`. */
  next(...faults: Fault[]): void {
    this.queue.push(...faults);
  }

  always(fault: Fault): void {
    this.queue.length = 0;
    this.fallback = fault;
  }

  /** Sends a request to headquarters as it is (a replay, or one made up by the test). */
  async send(seen: Pick<Seen, 'method' | 'url' | 'authorization' | 'body'>) {
    const response = await fetch(`${this.target}${seen.url}`, {
      method: seen.method,
      headers: {
        authorization: seen.authorization,
        ...(seen.body ? { 'content-type': 'application/json' } : {}),
      },
      body: seen.body || undefined,
    });
    return { status: response.status, text: await response.text() };
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const fault = this.queue.shift() ?? this.fallback;
    const seen: Seen = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      authorization: request.headers.authorization ?? '',
      body: Buffer.concat(chunks).toString('utf8'),
      status: null,
    };
    this.seen.push(seen);
    if (fault === 'fail_before') return void request.socket.destroy();
    const answers = await Promise.all(
      Array.from({ length: fault === 'duplicate' ? 2 : 1 }, () => this.send(seen).catch(() => null)),
    );
    const answer = answers[0];
    if (!answer || fault === 'drop_response') return void request.socket.destroy();
    seen.status = answer.status;
    await this.beforeAnswer?.(seen);
    if (request.socket.destroyed) return;
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.text);
  }
}
