import { isDeepStrictEqual } from 'node:util';
import type { Request, TakenRow, WorkerLine } from './money-protocol';

export type Acked = { request: Request; taken: TakenRow[] | undefined; balanceFen: number | undefined };

/**
 * What the worker runs said, across every kill: each request announced, the first acknowledgement of
 * each key, and the request a killed run left unacknowledged (sent again by the next run).
 */
export class CallLog {
  readonly intents = new Map<string, Request>();
  readonly acked = new Map<string, Acked>();
  /** The last request announced and not yet acknowledged: it may or may not have committed. */
  pending: Request | null = null;
  /** Acknowledged calls, repeats and retries included. */
  calls = 0;
  retries = 0;
  repeats = 0;
  /** A repeat or retry answered differently from the first acknowledgement (a hand-back paid twice). */
  readonly problems: string[] = [];

  add(lines: WorkerLine[]): void {
    for (const line of lines) {
      if (line.t === 'intent') {
        const known = this.intents.get(line.request.key);
        if (known && !isDeepStrictEqual(known, line.request)) {
          this.problems.push(`key ${line.request.key} announced for two different requests`);
        }
        this.intents.set(line.request.key, line.request);
        this.pending = line.request;
      } else if (line.t === 'ack') {
        this.calls += 1;
        if (line.retry) this.retries += 1;
        if (line.repeat) this.repeats += 1;
        const { key } = line.request;
        if (this.pending?.key === key) this.pending = null;
        const first = this.acked.get(key);
        const answer = { request: line.request, taken: line.taken, balanceFen: line.balanceFen };
        if (!first) this.acked.set(key, answer);
        else if (!isDeepStrictEqual(first, answer)) {
          this.problems.push(`key ${key} answered differently when sent again: ${JSON.stringify(answer)}`);
        }
      }
    }
  }
}
