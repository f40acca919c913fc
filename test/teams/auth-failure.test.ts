import { describe, expect, it } from 'vitest';
import { authRefusal, IdentityTimeoutError } from '../../src/teams/auth-failure.js';

/** Errors shaped as botframework-connector, node-fetch and jsonwebtoken throw them. */
function error(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name }, extra);
}

describe('authRefusal', () => {
  it.each([
    ['no token', error('Error', 'Unauthorized Access. Request is not authorized', { statusCode: 401 }), 401],
    ['a bad signature', error('JsonWebTokenError', 'invalid signature'), 401],
    ['alg none', error('JsonWebTokenError', 'jwt signature is required'), 401],
    ['a future nbf', error('NotBeforeError', 'jwt not active'), 401],
    ['something unforeseen', new TypeError('x is not a function'), 401],
    ['a thrown string', 'nope', 401],
    [
      'a refused connection to the OpenID endpoint',
      error('FetchError', 'request to https://login.botframework.com failed, reason: connect ECONNREFUSED', { code: 'ECONNREFUSED', type: 'system' }),
      503,
    ],
    ['an OpenID endpoint that cannot be resolved', error('FetchError', 'getaddrinfo ENOTFOUND login.botframework.com', { code: 'ENOTFOUND' }), 503],
    ['an OpenID document that failed to load', error('Error', 'Failed to load openID config: 502', { statusCode: 500 }), 503],
    ['an identity provider that never answered', new IdentityTimeoutError(10_000), 503],
  ])('%s → %s', (_name, cause, status) => {
    const refusal = authRefusal(cause);
    expect(refusal.status).toBe(status);
    expect(refusal.error).toBe(status === 401 ? 'unauthorized' : 'temporarily unavailable');
  });
});
