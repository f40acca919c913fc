import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the Bot Framework's identity provider: an OpenID configuration and the
 * signing keys it points to, as login.botframework.com serves them. Tokens are forged here with a
 * foreign issuer the bot is told to trust, so every check after the issuer really runs.
 */
export interface IdentityStandIn {
  metadataUrl: string;
  issuer: string;
  /** Requests received (configuration and keys). */
  requests: number;
  /** From now on, every request is left unanswered. */
  hang(): void;
  close(): Promise<void>;
}

export const KEY_ID = 'stand-in-signing-key';
export const ISSUER = 'https://identity.stand-in.test';

/** The key the stand-in publishes, and one it does not. */
export const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const impostorKey = generateKeyPairSync('rsa', { modulusLength: 2048 });

export async function startIdentityStandIn(): Promise<IdentityStandIn> {
  let hanging = false;
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    req.resume();
    if (hanging) return;
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const send = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/v1/.well-known/openidconfiguration') {
      send({ issuer: ISSUER, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    } else if (req.url === '/v1/.well-known/keys') {
      const jwk = signingKey.publicKey.export({ format: 'jwk' });
      send({ keys: [{ ...jwk, kid: KEY_ID, use: 'sig', endorsements: ['msteams'] }] });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    issuer: ISSUER,
    get requests() {
      return state.requests;
    },
    hang() {
      hanging = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Claims a Bot Framework channel token carries for this bot and this serviceUrl, valid for an hour. */
export function channelClaims(appId: string, serviceUrl: string, now = Math.floor(Date.now() / 1000)): Record<string, unknown> {
  return { iss: ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600 };
}

/** An RS256 JWT signed with `key`. */
export function rs256(claims: object, key: KeyObject = signingKey.privateKey, kid = KEY_ID): string {
  const data = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims)}`;
  return `${data}.${sign('sha256', Buffer.from(data), key).toString('base64url')}`;
}

/** An HS256 JWT whose HMAC secret is the published public key: the classic algorithm-confusion forgery. */
export function hs256WithPublicKey(claims: object): string {
  const secret = signingKey.publicKey.export({ type: 'spki', format: 'pem' });
  const data = `${b64({ alg: 'HS256', typ: 'JWT', kid: KEY_ID })}.${b64(claims)}`;
  return `${data}.${createHmac('sha256', secret).update(data).digest('base64url')}`;
}

/** A JWT with `alg: none` and no signature. */
export function unsigned(claims: object): string {
  return `${b64({ alg: 'none', typ: 'JWT', kid: KEY_ID })}.${b64(claims)}.`;
}
