import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { SignInTimeoutError } from './sign-in.js';

type ConnectorClientOptions = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]>;
/** The HTTP client interface botbuilder's connector client accepts (from @azure/core-http-compat). */
export type ConnectorHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type ConnectorRequest = Parameters<ConnectorHttpClient['sendRequest']>[0];

/** A connector call that did not get a usable answer. Never a RestError, so botbuilder's retry policy passes it straight up. */
export class ConnectorCallError extends Error {
  readonly code: 'CONNECTOR_TIMEOUT' | 'CONNECTOR_UNREACHABLE' | 'CONNECTOR_FAILED';
  readonly statusCode: number | undefined;
  constructor(code: ConnectorCallError['code'], message: string, statusCode?: number) {
    super(message);
    this.name = 'ConnectorCallError';
    this.code = code;
    this.statusCode = statusCode;
  }
}

/**
 * True when the call ran out of time, so the turn must not send anything else: the connector did not answer (the POST
 * may have been delivered) or Microsoft's sign-in gave no token (another call would wait for it as long).
 */
export function isConnectorTimeout(error: unknown): boolean {
  return (error instanceof ConnectorCallError && error.code === 'CONNECTOR_TIMEOUT') || error instanceof SignInTimeoutError;
}

// botbuilder's pipeline retries these (with seconds of back-off), and a redirect would carry the
// bot's token elsewhere; the connector never redirects.
function isRefused(status: number): boolean {
  return (status >= 300 && status < 400) || status === 408 || status === 429 || status >= 500;
}

/** Response headers in the SDK's own header class: an emptied copy of the request's. */
function headersLike(request: ConnectorRequest, response: Response): ConnectorRequest['headers'] {
  const headers = request.headers.clone();
  for (const name of headers.headerNames()) headers.remove(name);
  response.headers.forEach((value, name) => {
    headers.set(name, value);
  });
  return headers;
}

/** The longest Retry-After a refused call waits for before its one resend: Teams waits about 15 s for the whole turn. */
export const MAX_RETRY_AFTER_MS = 2_000;

/** A Retry-After (seconds, or an HTTP date) as milliseconds to wait, when it is one the turn can afford. */
function affordableRetryAfter(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim() ?? '';
  const ms = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) * 1000 : Math.max(0, Date.parse(value) - now);
  return Number.isFinite(ms) && ms <= MAX_RETRY_AFTER_MS ? ms : undefined;
}

/**
 * The HTTP client for connector calls: each call is given `timeoutMs`. A reply is a POST the
 * connector may already have delivered when the answer is lost, so resending it could post the same
 * card twice; a failure is therefore final, except a 429 with a short Retry-After, which says the
 * call was not taken: it is sent once more after that wait.
 */
export function createConnectorHttpClient(timeoutMs: number): ConnectorHttpClient {
  const sendOnce = async (request: ConnectorRequest): Promise<{ response: Response; bodyAsText: string }> => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers.rawHeaders(),
        // core-client has serialised every connector body to a JSON string by now.
        body: request.body as string | undefined,
        redirect: 'manual',
        signal,
      });
      return { response, bodyAsText: await response.text() };
    } catch (error) {
      if (signal.aborted) throw new ConnectorCallError('CONNECTOR_TIMEOUT', `connector: no answer within ${timeoutMs} ms`);
      const cause = (error as { cause?: { code?: unknown } }).cause?.code;
      throw new ConnectorCallError('CONNECTOR_UNREACHABLE', `connector: not reachable${typeof cause === 'string' ? ` (${cause})` : ''}`);
    }
  };
  return {
    async sendRequest(request) {
      let { response, bodyAsText } = await sendOnce(request);
      const wait = response.status === 429 ? affordableRetryAfter(response.headers.get('retry-after')) : undefined;
      if (wait !== undefined) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        ({ response, bodyAsText } = await sendOnce(request));
      }
      if (isRefused(response.status)) {
        throw new ConnectorCallError('CONNECTOR_FAILED', `connector: answered ${response.status}`, response.status);
      }
      return { request, status: response.status, headers: headersLike(request, response), bodyAsText };
    },
  };
}
