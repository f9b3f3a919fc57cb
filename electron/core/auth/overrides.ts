import { createHash, randomBytes } from 'node:crypto';

type Grant = {
  sessionToken: string;
  method: string;
  /** The request the supervisor saw (its parsed input, hashed): the override allows that one only. */
  request: string;
  supervisorId: string;
  expiresAt: number;
};

/** A parsed input as the override binds it: the same request parses to the same text, so the same hash. */
export const requestHash = (parsed: unknown): string =>
  createHash('sha256').update(JSON.stringify(parsed)).digest('hex');

export const overrideLifetimeMs = 2 * 60_000;

/**
 * One-time supervisor overrides: a supervisor's PIN lets one session make one protected call, with
 * the input the supervisor was shown, once, within two minutes. Single use so an override cannot be
 * replayed for a second refund; bound to the request so a PIN given for ¥10 does not allow ¥1,000.
 */
export class Overrides {
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly now: () => number) {}

  grant(
    sessionToken: string,
    method: string,
    request: string,
    supervisorId: string,
  ): { token: string; expiresAt: number } {
    for (const [key, old] of this.grants) if (old.expiresAt < this.now()) this.grants.delete(key);
    const token = randomBytes(24).toString('base64url');
    const expiresAt = this.now() + overrideLifetimeMs;
    this.grants.set(token, { sessionToken, method, request, supervisorId, expiresAt });
    return { token, expiresAt };
  }

  /** The supervisor who granted it, if the override is valid for this session, method and request. */
  consume(token: string, sessionToken: string, method: string, request: string): string | null {
    const grant = this.grants.get(token);
    this.grants.delete(token);
    if (!grant || grant.sessionToken !== sessionToken || grant.method !== method) return null;
    if (grant.request !== request) return null;
    return grant.expiresAt >= this.now() ? grant.supervisorId : null;
  }
}
