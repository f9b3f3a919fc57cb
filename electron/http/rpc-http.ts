import type { ErrorCode } from '../../shared/result';

/** HTTP status for each failure, so browser-mode clients and tools see a 4xx for a refused call. */
export const httpStatusFor: Record<ErrorCode, number> = {
  invalid_input: 400,
  bad_json: 400,
  unknown_method: 404,
  payload_too_large: 413,
  unauthenticated: 401,
  session_locked: 423,
  forbidden: 403,
  override_required: 403,
  wrong_pin: 401,
  locked_out: 423,
  not_found: 404,
  conflict: 409,
  already_set_up: 409,
  not_set_up: 409,
  last_admin: 409,
  backup_failed: 422,
  not_supported: 501,
  wrong_place: 409,
  unknown_code: 404,
  invalid_transition: 409,
  changed_meanwhile: 409,
  day_closed: 409,
  offline: 503,
  internal: 500,
};
