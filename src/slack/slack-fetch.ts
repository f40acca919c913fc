/**
 * The one way the bot sends anything to Slack (Web API calls and response_url posts). Every
 * message it sends is a post that Slack cannot de-duplicate, so a call is sent again only when
 * Slack provably never saw it (the connection was refused, the host not found) or when Slack
 * said "not now" (429 with Retry-After). A call that took too long may still be carried out
 * by Slack: it is abandoned, never repeated.
 */

/** How long one call to Slack may take; Slack usually answers in well under a second. */
export const SLACK_CALL_TIMEOUT_MS = 10_000;

export interface SlackRetryPolicy {
  /** An attempt not answered within this is abandoned and not sent again. */
  attemptTimeoutMs: number;
  /** Further attempts after a refused connection or a 429, at most. */
  retries: number;
  /** Wait before the first retry of a refused connection; doubles up to maxBackoffMs. */
  minBackoffMs: number;
  maxBackoffMs: number;
  /** A Retry-After longer than this is not waited for: the answer would come too late to help. */
  maxRetryAfterMs: number;
}

export const SLACK_RETRY_POLICY: SlackRetryPolicy = {
  attemptTimeoutMs: SLACK_CALL_TIMEOUT_MS,
  retries: 3,
  minBackoffMs: 300,
  maxBackoffMs: 3_000,
  maxRetryAfterMs: 60_000,
};

/** A call to Slack got no answer in time; Slack may still carry it out, so it was not repeated. */
export class SlackCallTimeoutError extends Error {
  readonly code = 'SLACK_CALL_TIMEOUT';
  constructor(call: string, timeoutMs: number, options?: { cause?: unknown }) {
    super(`${call}: no answer from Slack within ${timeoutMs} ms; not sent again, Slack may still carry it out`, options);
    this.name = 'SlackCallTimeoutError';
  }
}

/** Connection errors that happen before a single byte of the request leaves this machine. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** True when the error (or one it wraps) says the request never reached Slack. */
export function neverReachedSlack(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Object && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NEVER_SENT_CODES.has(code)) return true;
  }
  return false;
}

/** True when the error (or one it wraps, as Bolt and the Web API client do) is a call abandoned after the timeout. */
export function isSlackCallTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Object && depth < 5; depth += 1) {
    // A TimeoutError can also surface while the caller reads a response body that started in time.
    if (e instanceof SlackCallTimeoutError || (e as { name?: unknown }).name === 'TimeoutError') return true;
    const next = e as { original?: unknown; cause?: unknown };
    e = next.original ?? next.cause;
  }
  return false;
}

/** `chat.postMessage` for a Web API URL; a response_url is a capability, so it is never named. */
function callName(input: string | URL | Request): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const last = new URL(url).pathname.split('/').at(-1) ?? '';
  return /^[a-z]+(\.[a-zA-Z]+)+$/.test(last) ? last : 'response_url';
}

/** Seconds in a Retry-After header, as milliseconds; undefined when absent or not a number of seconds. */
export function retryAfterMs(header: string | null | undefined): number | undefined {
  return typeof header === 'string' && /^\d+$/.test(header.trim()) ? Number(header) * 1000 : undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A fetch for Slack with the timeout and retry rules above; `baseFetch` is the real fetch. */
export function createSlackFetch(policy: SlackRetryPolicy = SLACK_RETRY_POLICY, baseFetch: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    for (let attempt = 0; ; attempt += 1) {
      const mayRetry = attempt < policy.retries;
      const timeout = AbortSignal.timeout(policy.attemptTimeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      let response: Response;
      try {
        response = await baseFetch(input, { ...init, signal });
      } catch (error) {
        if (timeout.aborted) throw new SlackCallTimeoutError(callName(input), policy.attemptTimeoutMs, { cause: error });
        if (mayRetry && neverReachedSlack(error)) {
          await sleep(Math.min(policy.maxBackoffMs, policy.minBackoffMs * 2 ** attempt));
          continue;
        }
        throw error;
      }
      const waitMs = response.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : undefined;
      if (mayRetry && waitMs !== undefined && waitMs <= policy.maxRetryAfterMs) {
        await response.body?.cancel();
        await sleep(waitMs);
        continue;
      }
      return response;
    }
  };
}
