import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeThroughProxy } from '../../src/proxy.js';
import { isConnectorTimeout } from '../../src/teams/connector-http.js';
import { credentialsWithDeadline, SignInTimeoutError } from '../../src/teams/sign-in.js';
import { startProxyStandIn, type ProxyStandIn } from '../proxy-stand-in.js';

// Routes Node's global agent through a proxy: listed as isolated in vitest.config.ts.
const APP_ID = '6f1c2b4e-93b1-4c4e-9d52-0c8f1e7a2b10';
let proxy: ProxyStandIn;

beforeAll(async () => {
  proxy = await startProxyStandIn();
  proxy.hangTunnels = true;
  // The only way msal-node's request to login.microsoftonline.com can be made to hang here: through a proxy that never answers.
  await routeThroughProxy({ httpsProxy: proxy.url });
});
afterAll(() => proxy.close());

describe('credentialsWithDeadline', () => {
  it('gives up on a Microsoft sign-in that never answers, with an error the turn treats as a timeout', async () => {
    const factory = credentialsWithDeadline({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' }, 300);
    const credentials = await factory.createCredentials(APP_ID, undefined, 'https://login.microsoftonline.com/botframework.com', true);
    const started = Date.now();
    const signing = credentials.signRequest({ headers: new Headers() } as never);
    await expect(signing).rejects.toBeInstanceOf(SignInTimeoutError);
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect(signing).rejects.toSatisfy(isConnectorTimeout);
    // msal-node really asked Microsoft's sign-in, through the proxy.
    expect(proxy.relayed.map((r) => r.line)).toContain('CONNECT login.microsoftonline.com:443');
  });

  it('keeps botbuilder’s answers about the app id', async () => {
    const factory = credentialsWithDeadline({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' }, 300);
    expect(await factory.isValidAppId(APP_ID)).toBe(true);
    expect(await factory.isValidAppId('00000000-0000-0000-0000-000000000000')).toBe(false);
    expect(await factory.isAuthenticationDisabled()).toBe(false);
  });
});
