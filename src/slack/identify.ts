import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { retryAfterMs, SLACK_CALL_TIMEOUT_MS } from './slack-fetch.js';
import { SlackStartError } from './start-error.js';

/** Slack's Web API, unless SLACK_API_URL points elsewhere. */
const SLACK_API_URL = 'https://slack.com/api/';

export interface SlackBotIdentity {
  botId: string;
  botUserId: string;
}

/**
 * Asks Slack who the token belongs to, once, so a bad token stops start-up with a clear message.
 * One plain `auth.test` over node:http(s), which the server has loaded anyway: neither Bolt nor
 * fetch's HTTP client (tens of milliseconds to load) stands between start-up and the first request.
 */
export async function identifySlackBot(
  token: string,
  apiUrl = SLACK_API_URL,
  options: { timeoutMs?: number; viaProxy?: boolean; retryWaitMs?: number } = {},
): Promise<SlackBotIdentity> {
  const { timeoutMs = SLACK_CALL_TIMEOUT_MS, viaProxy = false, retryWaitMs = 1_000 } = options;
  let result: { ok?: boolean; error?: string; bot_id?: string; user_id?: string };
  try {
    let answer = await post(new URL('auth.test', apiUrl), token, timeoutMs);
    // Slack busy (429) or failing (5xx) at the moment the bot starts: a few waits, so a restart policy does not loop on it.
    for (let attempt = 1; attempt < START_ATTEMPTS && (answer.status === 429 || answer.status >= 500); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(answer.retryAfterMs ?? retryWaitMs * attempt, MAX_RETRY_WAIT_MS)));
      answer = await post(new URL('auth.test', apiUrl), token, timeoutMs);
    }
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
    result = JSON.parse(answer.body) as typeof result;
  } catch (error) {
    const route = viaProxy ? ' through the proxy (HTTPS_PROXY / HTTP_PROXY)' : '';
    throw new SlackStartError(`SLACK_API_URL: Slack's Web API could not be reached${route} (${(error as Error).message})`, { cause: error });
  }
  if (!result.ok) throw new SlackStartError(`SLACK_BOT_TOKEN: Slack refused the token (${result.error ?? 'no reason given'}); copy the Bot User OAuth Token again`);
  if (!result.bot_id || !result.user_id) throw new SlackStartError('SLACK_BOT_TOKEN: not a bot token (auth.test returned no bot_id); use the xoxb- Bot User OAuth Token');
  return { botId: result.bot_id, botUserId: result.user_id };
}

const START_ATTEMPTS = 4;
const MAX_RETRY_WAIT_MS = 5_000;

function post(url: URL, token: string, timeoutMs: number): Promise<{ status: number; body: string; retryAfterMs?: number }> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-length': 0 }, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      const retryAfter = retryAfterMs(res.headers['retry-after']);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ...(retryAfter !== undefined && { retryAfterMs: retryAfter }) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}
