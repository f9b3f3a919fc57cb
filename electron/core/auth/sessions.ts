import { randomBytes } from 'node:crypto';
import type { Language, Role } from '../../../shared/roles';

export type Session = {
  token: string;
  staffId: string;
  name: string;
  role: Role;
  language: Language | null;
  lastSeenAt: number;
  locked: boolean;
};

type SessionStaff = Pick<Session, 'staffId' | 'name' | 'role' | 'language'>;

/**
 * Signed-in sessions, kept in memory: a restart signs everyone out, which is what a shared counter
 * PC wants. A session idle longer than the setting locks; only its owner's PIN (or another sign-in)
 * opens the counter again.
 */
export class Sessions {
  private readonly byToken = new Map<string, Session>();

  constructor(
    private readonly now: () => number,
    private readonly idleLockMinutes: () => number,
  ) {}

  create(staff: SessionStaff): Session {
    const session: Session = {
      ...staff,
      token: randomBytes(24).toString('base64url'),
      lastSeenAt: this.now(),
      locked: false,
    };
    this.byToken.set(session.token, session);
    return session;
  }

  /** The session for a token, locked first if it has been idle too long. */
  get(token: string | undefined): Session | null {
    if (!token) return null;
    const session = this.byToken.get(token);
    if (!session) return null;
    if (this.now() - session.lastSeenAt > this.idleLockMinutes() * 60_000) session.locked = true;
    return session;
  }

  touch(session: Session): void {
    session.lastSeenAt = this.now();
  }

  lock(session: Session): void {
    session.locked = true;
  }

  unlock(session: Session): void {
    session.locked = false;
    session.lastSeenAt = this.now();
  }

  end(token: string): void {
    this.byToken.delete(token);
  }

  /** Ends every session of one staff member (deactivated, PIN reset, role changed). */
  endFor(staffId: string): void {
    for (const [token, session] of this.byToken) if (session.staffId === staffId) this.end(token);
  }

  clear(): void {
    this.byToken.clear();
  }
}
