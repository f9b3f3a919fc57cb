/**
 * The one shape every call returns. Expected failures are values, not exceptions: the renderer
 * translates `code`; `message` is for logs and developers.
 */
export const errorCodes = [
  'invalid_input',
  'bad_json',
  'unknown_method',
  'payload_too_large',
  'unauthenticated',
  'session_locked',
  'forbidden',
  'override_required',
  'wrong_pin',
  'locked_out',
  'not_found',
  'conflict',
  'already_set_up',
  'not_set_up',
  'last_admin',
  'backup_failed',
  'not_supported',
  'wrong_place',
  'unknown_code',
  'invalid_transition',
  'changed_meanwhile',
  'day_closed',
  /** Headquarters cannot be reached for something only it can answer (cross-store lookup). */
  'offline',
  /** A long run (a report) was stopped by the person who started it. */
  'cancelled',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type AppError = {
  code: ErrorCode;
  message: string;
  /** Field path -> message, for forms. */
  fields?: Record<string, string>;
  /** Machine-readable extras, e.g. `{ retryAt }` for a lock-out. */
  details?: Record<string, unknown>;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (
  code: ErrorCode,
  message: string,
  extra: Pick<AppError, 'fields' | 'details'> = {},
): { ok: false; error: AppError } => ({ ok: false, error: { code, message, ...extra } });

/**
 * Thrown inside services to abort the transaction with an expected error; the dispatcher turns it
 * back into a failed Result. Anything else thrown is a bug and becomes `internal`.
 */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
  }
}

export const failWith = (
  code: ErrorCode,
  message: string,
  extra: Pick<AppError, 'fields' | 'details'> = {},
): never => {
  throw new AppFailure({ code, message, ...extra });
};
