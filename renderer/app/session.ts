import { createContext, useContext } from 'react';
import type { OutputOf } from '../../shared/contract';
import type { Language } from '../../shared/roles';

export type SessionStaff = OutputOf<'auth.me'>;

export type SessionApi = {
  staff: SessionStaff;
  storeName: string | null;
  /** The store's time zone (IANA), for showing times on the store's clock. */
  timeZone: string;
  appVersion: string;
  schemaVersion: number;
  /** Re-reads the store's name and time zone after the profile was saved. */
  storeChanged(): void;
  lock(): void;
  switchUser(): void;
  signOut(): void;
  changeLanguage(language: Language): void;
};

export const SessionContext = createContext<SessionApi | null>(null);

/** The signed-in person and the session actions; only valid inside the signed-in shell. */
export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in shell');
  return session;
}
