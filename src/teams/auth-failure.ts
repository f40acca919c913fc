import type { Refusal } from './local-mode.js';

/** The identity provider's OpenID configuration or signing keys did not arrive in time. */
export class IdentityTimeoutError extends Error {
  readonly code = 'IDENTITY_TIMEOUT';
  constructor(timeoutMs: number) {
    super(`identity provider: no OpenID configuration or signing keys within ${timeoutMs} ms`);
    this.name = 'IdentityTimeoutError';
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

function identityProviderFailed(error: unknown): boolean {
  if (error instanceof IdentityTimeoutError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, statusCode } = error as { name?: unknown; code?: unknown; statusCode?: unknown };
  // botframework-connector fetches the OpenID documents with node-fetch, whose network errors are FetchErrors,
  // and reports a document it could not load as an AuthenticationError with status 500.
  return name === 'FetchError' || statusCode === 500 || (typeof code === 'string' && NETWORK_CODES.has(code));
}

/**
 * What the caller is told when authenticating a request failed: 503 when the identity provider
 * could not be asked (the token may well be valid), 401 for everything else.
 * Neither says why; the log does.
 */
export function authRefusal(error: unknown): Refusal {
  if (identityProviderFailed(error)) return { status: 503, error: 'temporarily unavailable', code: 'TEAMS_IDENTITY_UNAVAILABLE' };
  return { status: 401, error: 'unauthorized', code: 'TEAMS_UNAUTHORIZED' };
}
