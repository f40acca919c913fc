import { afterEach, describe, expect, it } from 'vitest';
import { identifySlackBot } from '../../src/slack/identify.js';
import { SlackStartError } from '../../src/slack/start-error.js';
import { startSlackApiStandIn, type SlackApiStandIn } from './api-stand-in.js';
import { BOT_TOKEN } from './requests.js';

let api: SlackApiStandIn;
afterEach(async () => {
  await api?.close().catch(() => undefined);
});

const identify = (timeoutMs?: number) => identifySlackBot(BOT_TOKEN, api.apiUrl, { ...(timeoutMs !== undefined && { timeoutMs }), retryWaitMs: 10 });

describe('identifySlackBot (auth.test before Bolt loads)', () => {
  it("returns the bot's ids and sends the token as a bearer header, never in the URL", async () => {
    api = await startSlackApiStandIn();
    await expect(identify()).resolves.toEqual({ botId: 'BBOT', botUserId: 'UBOT' });
    const [call] = api.callsTo('auth.test');
    expect(call?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(call?.path).toBe('/api/auth.test');
  });

  it('names SLACK_BOT_TOKEN when Slack refuses the token', async () => {
    api = await startSlackApiStandIn();
    api.authTest = { ok: false, error: 'token_revoked' };
    const attempt = identify();
    await expect(attempt).rejects.toBeInstanceOf(SlackStartError);
    await expect(attempt).rejects.toThrow('SLACK_BOT_TOKEN: Slack refused the token (token_revoked); copy the Bot User OAuth Token again');
  });

  it('names SLACK_BOT_TOKEN when the token is not a bot token', async () => {
    api = await startSlackApiStandIn();
    api.authTest = { ok: true, user_id: 'U123', team_id: 'T0001' };
    await expect(identify()).rejects.toThrow(/^SLACK_BOT_TOKEN: not a bot token/);
  });

  it('names SLACK_API_URL when the Web API keeps answering with a server error, after a few tries', async () => {
    api = await startSlackApiStandIn();
    api.fail('auth.test', { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    await expect(identify()).rejects.toThrow("SLACK_API_URL: Slack's Web API could not be reached (HTTP 500)");
    expect(api.callsTo('auth.test')).toHaveLength(4);
  });

  it('starts when Slack was busy or failing for a moment (429, then 500, then an answer)', async () => {
    api = await startSlackApiStandIn();
    api.fail('auth.test', { status: 429, retryAfter: 0 }, { status: 500 });
    await expect(identify()).resolves.toEqual({ botId: 'BBOT', botUserId: 'UBOT' });
  });

  it('says the proxy was in the way when one is set', async () => {
    api = await startSlackApiStandIn();
    const deadUrl = api.apiUrl;
    await api.close();
    await expect(identifySlackBot(BOT_TOKEN, deadUrl, { viaProxy: true })).rejects.toThrow(
      /^SLACK_API_URL: Slack's Web API could not be reached through the proxy \(HTTPS_PROXY \/ HTTP_PROXY\)/,
    );
  });

  it('names SLACK_API_URL when the Web API does not answer in time', async () => {
    api = await startSlackApiStandIn();
    api.delay('auth.test', 2_000);
    await expect(identify(50)).rejects.toThrow("SLACK_API_URL: Slack's Web API could not be reached (no answer within 50 ms)");
  });

  it('names SLACK_API_URL when nothing listens there', async () => {
    api = await startSlackApiStandIn();
    const deadUrl = api.apiUrl;
    await api.close();
    await expect(identifySlackBot(BOT_TOKEN, deadUrl)).rejects.toThrow(/^SLACK_API_URL: Slack's Web API could not be reached \(connect ECONNREFUSED/);
  });

  it('keeps the token out of every message', async () => {
    api = await startSlackApiStandIn();
    api.authTest = { ok: false, error: 'invalid_auth' };
    const error = await identify().catch((e: unknown) => e as Error);
    expect(String(error)).not.toContain(BOT_TOKEN);
  });
});
