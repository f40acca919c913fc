import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { personalMessage } from './activities.js';
import { APP_ID, APP_PASSWORD, logged, post, startBot, START_TIMEOUT_MS, type Bot } from './bot-harness.js';
import { startConnectorRecorder, type ConnectorRecorder } from './connector-recorder.js';
import { channelClaims, hs256WithPublicKey, impostorKey, rs256, startIdentityStandIn, unsigned, type IdentityStandIn } from './identity-stand-in.js';

const AUTHENTICATED = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD };
/** Generous on a loaded machine; a silent identity provider used to hold the request until the OS gave up on the connection. */
const BOUND_MS = 8_000;

let connector: ConnectorRecorder;
beforeAll(async () => {
  connector = await startConnectorRecorder();
}, START_TIMEOUT_MS);
afterAll(() => connector.close());

async function expectNeutral(res: Response, status: number, error: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await res.json()).toEqual({ error });
}

describe('Teams authentication against an identity provider stand-in', () => {
  let identity: IdentityStandIn;
  let bot: Bot;
  beforeAll(async () => {
    identity = await startIdentityStandIn();
    bot = await startBot(AUTHENTICATED, { teams: { identity: { openIdMetadataUrl: identity.metadataUrl, tokenIssuer: identity.issuer } } });
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await bot.close();
    await identity.close();
  });
  afterEach(() => {
    connector.reset();
  });

  const now = Math.floor(Date.now() / 1000);
  const claims = () => channelClaims(APP_ID, connector.url);
  // Each forgery reaches jsonwebtoken's verify (the issuer is trusted, the key id is published), which used to answer 500 with its own text.
  it.each([
    ['alg none, no signature', () => unsigned(claims()), 'jwt signature is required'],
    ['HS256 signed with the published public key', () => hs256WithPublicKey(claims()), 'invalid algorithm'],
    ['RS256 signed with another key', () => rs256(claims(), impostorKey.privateKey), 'invalid signature'],
    ['not valid before an hour from now', () => rs256({ ...claims(), nbf: now + 3600, iat: now + 3600 }), 'jwt not active'],
    ['expired an hour ago', () => rs256({ ...claims(), nbf: now - 7200, iat: now - 7200, exp: now - 3600 }), 'The token has expired'],
    ['a key id the provider does not publish', () => rs256(claims(), undefined, 'unknown-key'), 'Signing Key could not be retrieved'],
    ['for another bot', () => rs256({ ...claims(), aud: '00000000-0000-0000-0000-000000000000' }), 'Invalid AppId'],
    ['for another serviceUrl', () => rs256({ ...claims(), serviceurl: 'https://smba.trafficmanager.net/emea/' }), 'ServiceUrl claim'],
  ])('answers a token %s with 401 and a neutral body, the reason only in the log', async (_name, token, reason) => {
    const res = await post(bot.url, personalMessage(connector.url, 'emails stopped going out'), { authorization: `Bearer ${token()}` });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    await expectNeutral(res, 401, 'unauthorized');
    expect(connector.received).toEqual([]);
    const refusal = logged(bot, 'teams: request refused').at(-1);
    expect(refusal).toMatchObject({ level: 'warn', status: 401 });
    expect(JSON.stringify(refusal)).toContain(reason);
  });

  it('writes what botbuilder prints during authentication as one JSON log line each, never to the console', async () => {
    bot.lines.length = 0;
    const expired = rs256({ ...claims(), nbf: now - 7200, iat: now - 7200, exp: now - 3600 });
    await post(bot.url, personalMessage(connector.url, 'workflows stuck'), { authorization: `Bearer ${expired}` });
    await post(bot.url, personalMessage(connector.url, 'workflows stuck'), { authorization: `Bearer ${rs256(claims(), impostorKey.privateKey)}` });
    const sdk = logged(bot, 'teams: botbuilder reported');
    // jwtTokenExtractor prints the TokenExpiredError, then "Error finding key for token. Available keys: <PEM>".
    expect(sdk.map((line) => JSON.stringify(line.sdk))).toEqual([expect.stringContaining('jwt expired'), expect.stringContaining('Error finding key for token')]);
    for (const line of bot.lines) expect(line).not.toContain('\n');
    // The key the SDK prints after the first line stays out of the log.
    expect(bot.lines.join('\n')).not.toMatch(/MII[A-Za-z0-9+/]{40}/);
    expect(bot.lines.join('\n')).not.toContain('workflows stuck');
  });

  it('still refuses a request without a token, or with a token from an issuer it does not trust', async () => {
    await expectNeutral(await post(bot.url, personalMessage(connector.url, 'help')), 401, 'unauthorized');
    const foreign = rs256({ ...claims(), iss: 'https://attacker.example' });
    await expectNeutral(await post(bot.url, personalMessage(connector.url, 'help'), { authorization: `Bearer ${foreign}` }), 401, 'unauthorized');
    expect(connector.received).toEqual([]);
  });

  it('answers a request without a token 401 whatever its body, before reading it', async () => {
    await expectNeutral(await post(bot.url, { type: 5 }), 401, 'unauthorized');
    await expectNeutral(await post(bot.url, { ...personalMessage(connector.url, 'help'), entities: [null] }), 401, 'unauthorized');
  });
});

describe('Teams authentication when the identity provider cannot be reached', () => {
  it(
    'answers 503 with a neutral body when the OpenID configuration is refused, and logs the cause',
    async () => {
      // A port that was just closed: connecting to it is refused, as an unreachable login.botframework.com is.
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const metadataUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const bot = await startBot(AUTHENTICATED, { teams: { identity: { openIdMetadataUrl: metadataUrl, tokenIssuer: 'https://identity.stand-in.test' } } });
      try {
        const res = await post(bot.url, personalMessage(connector.url, 'help'), { authorization: `Bearer ${rs256(channelClaims(APP_ID, connector.url))}` });
        await expectNeutral(res, 503, 'temporarily unavailable');
        expect(logged(bot, 'teams: request refused').at(-1)).toMatchObject({ level: 'warn', status: 503, cause: { code: 'ECONNREFUSED' } });
        expect(connector.received).toEqual([]);
      } finally {
        await bot.close();
      }
    },
    START_TIMEOUT_MS,
  );

  it(
    'answers 503 within a bound when the identity provider never answers',
    async () => {
      const identity = await startIdentityStandIn();
      identity.hang();
      const bot = await startBot(AUTHENTICATED, {
        teams: { identityTimeoutMs: 300, identity: { openIdMetadataUrl: identity.metadataUrl, tokenIssuer: identity.issuer } },
      });
      try {
        const started = performance.now();
        const res = await fetch(bot.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${rs256(channelClaims(APP_ID, connector.url))}` },
          body: JSON.stringify(personalMessage(connector.url, 'help')),
          signal: AbortSignal.timeout(BOUND_MS),
        });
        expect(performance.now() - started).toBeLessThan(BOUND_MS);
        await expectNeutral(res, 503, 'temporarily unavailable');
        expect(identity.requests).toBeGreaterThan(0);
        expect(connector.received).toEqual([]);
      } finally {
        await bot.close();
        await identity.close();
      }
    },
    START_TIMEOUT_MS,
  );
});
