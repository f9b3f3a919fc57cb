import type { Core } from './core';
import { failWith } from '../../shared/result';
import type { Session } from './auth/sessions';

/** What a handler knows about the call it serves. */
export type Ctx = {
  core: Core;
  /** Null only for public methods. */
  session: Session | null;
  /** The supervisor whose one-time override allowed this call, if any. */
  overrideBy: string | null;
};

/** The caller's session; only public methods run without one. */
export const sessionOf = (ctx: Ctx): Session => ctx.session ?? failWith('unauthenticated', 'Sign in first');
