import type { InputOf, MethodName, OutputOf } from '../shared/contract';
import type { AppError, Result } from '../shared/result';

/**
 * The only file that talks to the core: over the preload's IPC channel in Electron, over
 * `POST /rpc` in browser mode. It also holds the session token, in memory only.
 */

type Transport = (method: string, input: unknown, token?: string, overrideToken?: string) => Promise<unknown>;

const overHttp: Transport = async (method, input, token, overrideToken) => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (overrideToken) headers['X-Override-Token'] = overrideToken;
  const response = await fetch('/rpc', { method: 'POST', headers, body: JSON.stringify({ method, input }) });
  return response.json();
};

const transport: Transport = window.api ? window.api.call : overHttp;

let token: string | undefined;
const sessionListeners = new Set<(error: AppError) => void>();

export const setSessionToken = (value: string | undefined): void => {
  token = value;
};

/**
 * Signs out (if signed in) and forgets the token. It never notifies the session listeners: their
 * reaction to a lost session is to sign out, which must not answer itself.
 */
export async function endSession(): Promise<void> {
  const ending = token;
  token = undefined;
  if (ending) await transport('auth.signOut', {}, ending).catch(() => undefined);
}

/** Called when the core says the session is gone or locked, wherever the call came from. */
export const onSessionProblem = (listener: (error: AppError) => void): (() => void) => {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
};

export type CallOptions = { overrideToken?: string };

export async function call<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  options: CallOptions = {},
): Promise<Result<OutputOf<M>>> {
  let result: Result<OutputOf<M>>;
  try {
    result = (await transport(method, input, token, options.overrideToken)) as Result<OutputOf<M>>;
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `network: ${String(error)}` } };
  }
  if (!result.ok && (result.error.code === 'unauthenticated' || result.error.code === 'session_locked')) {
    for (const listener of sessionListeners) listener(result.error);
  }
  return result;
}

/** For screens that treat any failure as exceptional: the value, or a thrown AppError. */
export async function callOrThrow<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  options?: CallOptions,
): Promise<OutputOf<M>> {
  const result = await call(method, input, options);
  if (!result.ok) throw result.error;
  return result.value;
}

/** True in the desktop app, where the host prints to the configured printers itself. */
export const isDesktop = window.api !== undefined;
