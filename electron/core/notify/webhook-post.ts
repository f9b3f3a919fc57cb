/** What the store's gateway receives for one message (the README documents it). */
export type WebhookPayload = {
  /** The message's own id, also sent as the Idempotency-Key header: a gateway can drop a repeat. */
  id: string;
  ticketNo: string;
  phone: string;
  language: string;
  text: string;
  status: string;
  storeName: string;
};

export type PostOutcome =
  | { ok: true }
  /** `stopped`: the app is closing; the try does not count. */
  | { ok: false; error: string; stopped: boolean };

/** The most of a failure the log keeps. */
export const maxErrorLength = 300;

/**
 * POSTs one message as JSON and says how it went; it never throws. Only a 2xx answer counts as
 * sent. The timeout covers the whole exchange (connect, answer and body); `stop` aborts it at once.
 */
export async function postMessage(
  url: string,
  payload: WebhookPayload,
  options: { timeoutMs: number; stop: AbortSignal },
): Promise<PostOutcome> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      // A crash between the gateway's answer and saving it sends the message again on restart.
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotency-Key': payload.id },
      body: JSON.stringify(payload),
      signal: AbortSignal.any([timeout, options.stop]),
      // A gateway that moved must be set up again; a POST is not silently re-sent elsewhere.
      redirect: 'error',
    });
    const answer = await response.text();
    if (response.ok) return { ok: true };
    const detail = answer.replace(/\s+/g, ' ').trim().slice(0, 200);
    return failed(`HTTP ${response.status}${detail ? `: ${detail}` : ''}`, false);
  } catch (error) {
    if (options.stop.aborted) return failed('stopped', true);
    if (timeout.aborted) return failed(`no answer within ${Math.round(options.timeoutMs / 1000)} s`, false);
    return failed(describe(error), false);
  }
}

const failed = (error: string, stopped: boolean): PostOutcome => ({
  ok: false,
  error: error.slice(0, maxErrorLength),
  stopped,
});

/** fetch's own message is just "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND ...). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return `${error.message}: ${code ? `${code} ` : ''}${cause.message}`.trim();
  }
  return error.message;
}
