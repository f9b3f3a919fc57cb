/** A sync run that could not finish; the counter's data is as the last committed step left it. */
export class SyncFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncFailure';
  }
}

export type Link = { serverUrl: string; deviceId: string; secret: string; dbInstanceId: string };

const timeoutMs = 15_000;

/** A request to headquarters as this device; the network failing is a SyncFailure, not a crash. */
export function hqRequest(link: Link, path: string, init: { method: 'GET' | 'POST'; body?: unknown }) {
  return fetch(`${link.serverUrl.replace(/\/$/, '')}${path}`, {
    method: init.method,
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      authorization: `Device ${link.deviceId}:${link.secret}`,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((error: unknown) => {
    throw new SyncFailure(
      `headquarters unreachable: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
}

/** A refusal worth reporting: the status and the start of what headquarters said. */
export async function unexpected(response: Response): Promise<SyncFailure> {
  return new SyncFailure(
    `headquarters answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
  );
}
