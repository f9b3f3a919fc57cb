import { randomBytes } from 'node:crypto';

type Grant = { sessionToken: string; method: string; supervisorId: string; expiresAt: number };

export const overrideLifetimeMs = 2 * 60_000;

/**
 * One-time supervisor overrides: a supervisor's PIN lets one session call one protected method
 * once, within two minutes. Single use so an override cannot be replayed for a second refund.
 */
export class Overrides {
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly now: () => number) {}

  grant(sessionToken: string, method: string, supervisorId: string): { token: string; expiresAt: number } {
    for (const [key, old] of this.grants) if (old.expiresAt < this.now()) this.grants.delete(key);
    const token = randomBytes(24).toString('base64url');
    const expiresAt = this.now() + overrideLifetimeMs;
    this.grants.set(token, { sessionToken, method, supervisorId, expiresAt });
    return { token, expiresAt };
  }

  /** The supervisor who granted it, if the override is valid for this session and method. */
  consume(token: string, sessionToken: string, method: string): string | null {
    const grant = this.grants.get(token);
    this.grants.delete(token);
    if (!grant || grant.sessionToken !== sessionToken || grant.method !== method) return null;
    return grant.expiresAt >= this.now() ? grant.supervisorId : null;
  }
}
