import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../shared/contract';
import { AppFailure, fail, ok, type Result } from '../../shared/result';
import type { Ctx } from './context';
import { requestHash } from './auth/overrides';
import type { Core } from './core';
import { handlers } from './handlers';

/** Credentials that travel beside the input, outside the contract's schemas. */
export type CallMeta = { token?: string; overrideToken?: string };

/** Methods a locked session may still call: to unlock, or to leave. */
const allowedWhileLocked = new Set<MethodName>(['auth.unlock', 'auth.signOut', 'auth.me']);

/** Methods that need no set-up store. */
const allowedBeforeSetup = new Set<MethodName>(['system.status', 'setup.create', 'auth.roster']);

/**
 * The single entry point for every call, from IPC or HTTP: the method must exist, the input must
 * parse, the caller must hold a session with an allowed role (or a supervisor's override). Nothing
 * reaches a service, and so the database, before all of that holds.
 */
export async function dispatch(
  core: Core,
  methodName: string,
  rawInput: unknown,
  meta: CallMeta = {},
): Promise<Result<unknown>> {
  if (!isMethodName(methodName)) return fail('unknown_method', `Unknown method: ${methodName.slice(0, 60)}`);
  const spec = contract[methodName];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail('invalid_input', 'The input does not match the contract', {
      fields: fieldErrors(parsed.error),
    });
  }
  if (core.maintenance) return fail('conflict', 'A restore is in progress; try again in a moment');
  if (!core.storeId && !allowedBeforeSetup.has(methodName)) {
    return fail('not_set_up', 'This counter has not been set up yet');
  }

  const ctx: Ctx = { core, session: null, overrideBy: null };
  if (spec.access !== 'public') {
    const session = core.sessions.get(meta.token);
    if (!session) return fail('unauthenticated', 'Sign in first');
    if (session.locked && !allowedWhileLocked.has(methodName)) {
      return fail('session_locked', 'The counter is locked; enter your PIN');
    }
    if (!spec.access.includes(session.role)) {
      const overridable = 'overridable' in spec && spec.overridable;
      if (!overridable) return fail('forbidden', `Your role may not call ${methodName}`);
      if (!meta.overrideToken) {
        return fail('override_required', 'A supervisor must allow this', { details: { method: methodName } });
      }
      const supervisorId = core.overrides.consume(
        meta.overrideToken,
        session.token,
        methodName,
        requestHash(parsed.data),
      );
      if (!supervisorId)
        return fail('forbidden', 'The override is invalid, used, expired or for another request');
      ctx.overrideBy = supervisorId;
    }
    ctx.session = session;
    if (!session.locked) core.sessions.touch(session);
  }

  try {
    const handler = handlers[methodName] as (ctx: Ctx, input: unknown) => Promise<unknown>;
    return ok(await handler(ctx, parsed.data));
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.error };
    console.error(`[rpc] ${methodName} failed`, error);
    return fail('internal', 'Something went wrong; the change was not saved');
  }
}

/** Field path -> a stable code the renderer translates (`fieldErrors.<code>` in renderer/i18n). */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues.slice(0, 50)) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= fieldCode(issue);
  }
  return fields;
}

function fieldCode(issue: z.core.$ZodIssue): string {
  if (/^[a-z_]+$/.test(issue.message)) return issue.message; // the contract's own codes
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? 'required' : 'too_small';
    case 'too_big':
      return 'too_big';
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'required' : 'invalid';
    case 'unrecognized_keys':
      return 'unknown_field';
    default:
      return 'invalid';
  }
}
