import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSlackFetch,
  isSlackCallTimeout,
  neverReachedSlack,
  SLACK_CALL_TIMEOUT_MS,
  SLACK_RETRY_POLICY,
  SlackCallTimeoutError,
  type SlackRetryPolicy,
} from '../../src/slack/slack-fetch.js';
import { waitUntil } from '../wait.js';

const POLICY: SlackRetryPolicy = { attemptTimeoutMs: 5_000, retries: 2, minBackoffMs: 5, maxBackoffMs: 20, maxRetryAfterMs: 2_000 };

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A loopback server answering each request with the next of `answers` (the last one repeats), counting requests and answers. */
async function slack(
  ...answers: Array<{ status: number; headers?: Record<string, string>; delayMs?: number }>
): Promise<{ url: string; requests: () => number; answered: () => number }> {
  let requests = 0;
  let answered = 0;
  const server = createServer((req, res) => {
    const answer = answers[Math.min(requests, answers.length - 1)] ?? { status: 200 };
    requests += 1;
    req.resume();
    res.once('close', () => (answered += 1));
    setTimeout(() => res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end('{"ok":true}'), answer.delayMs ?? 0);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat.postMessage`, requests: () => requests, answered: () => answered };
}

/** A loopback port nobody listens on: connecting to it is refused before anything is sent. */
async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/api/chat.postMessage`;
}

const post = { method: 'POST', body: 'text=hello' };

describe('createSlackFetch', () => {
  it('has a named timeout, and a production policy that waits no longer than it', () => {
    expect(SLACK_CALL_TIMEOUT_MS).toBe(10_000);
    expect(SLACK_RETRY_POLICY.attemptTimeoutMs).toBe(SLACK_CALL_TIMEOUT_MS);
  });

  it('abandons a call Slack does not answer in time, and never sends it again', async () => {
    const api = await slack({ status: 200, delayMs: 1_500 });
    const slackFetch = createSlackFetch({ ...POLICY, attemptTimeoutMs: 200 });
    const error = await slackFetch(api.url, post).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SlackCallTimeoutError);
    expect((error as SlackCallTimeoutError).message).toBe('chat.postMessage: no answer from Slack within 200 ms; not sent again, Slack may still carry it out');
    // A repeat would have been sent right after the timeout, long before Slack's late answer.
    await waitUntil(() => api.answered() === 1, { what: "the stand-in's late answer", timeoutMs: 10_000 });
    expect(api.requests()).toBe(1);
  });

  it('never names a response_url (it is a capability) in its errors', async () => {
    const api = await slack({ status: 200, delayMs: 1_000 });
    const responseUrl = api.url.replace('/api/chat.postMessage', '/actions/T0001/123/SecretPart');
    const error = await createSlackFetch({ ...POLICY, attemptTimeoutMs: 100 })(responseUrl, post).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String((error as Error).message)).toMatch(/^response_url: no answer/);
    expect(String((error as Error).message)).not.toContain('SecretPart');
  });

  it('does not repeat a post Slack answered with a 500: it may have been carried out', async () => {
    const api = await slack({ status: 500 }, { status: 200 });
    const res = await createSlackFetch(POLICY)(api.url, post);
    expect(res.status).toBe(500);
    expect(api.requests()).toBe(1);
  });

  it('retries after a 429 once Retry-After has passed', async () => {
    const api = await slack({ status: 429, headers: { 'retry-after': '0' } }, { status: 200 });
    const res = await createSlackFetch(POLICY)(api.url, post);
    expect(res.status).toBe(200);
    expect(api.requests()).toBe(2);
  });

  it('gives up on a 429 whose Retry-After is longer than an answer is worth waiting for, or after the retries', async () => {
    const long = await slack({ status: 429, headers: { 'retry-after': '3' } });
    expect((await createSlackFetch(POLICY)(long.url, post)).status).toBe(429);
    expect(long.requests()).toBe(1);
    const always = await slack({ status: 429, headers: { 'retry-after': '0' } });
    expect((await createSlackFetch(POLICY)(always.url, post)).status).toBe(429);
    expect(always.requests()).toBe(1 + POLICY.retries);
  });

  it('retries a connection that was refused (nothing reached Slack), a bounded number of times', async () => {
    const url = await refusedUrl();
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts += 1;
      return fetch(input, init);
    };
    const error = await createSlackFetch(POLICY, counting)(url, post).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(neverReachedSlack(error)).toBe(true);
    expect(attempts).toBe(1 + POLICY.retries);
  });

  it('answers once the refused connection is accepted on a retry', async () => {
    const api = await slack({ status: 200 });
    let attempts = 0;
    const refusedFirst: typeof fetch = async (input, init) => {
      attempts += 1;
      if (attempts === 1) return fetch(await refusedUrl(), init);
      return fetch(input, init);
    };
    expect((await createSlackFetch(POLICY, refusedFirst)(api.url, post)).status).toBe(200);
    await waitUntil(() => api.requests() === 1, { what: 'the retried call', timeoutMs: 5_000 });
  });
});

describe('neverReachedSlack and isSlackCallTimeout', () => {
  it.each([
    [{ cause: { code: 'ECONNREFUSED' } }, true],
    [{ cause: { code: 'ENOTFOUND' } }, true],
    [{ cause: { code: 'ECONNRESET' } }, false],
    [{ cause: { code: 'UND_ERR_SOCKET' } }, false],
    [new Error('boom'), false],
  ])('neverReachedSlack(%j) is %s', (error, expected) => {
    expect(neverReachedSlack(Object.assign(new TypeError('fetch failed'), error))).toBe(expected);
  });

  it('finds a timeout wrapped by the Web API client (original) or Bolt (cause)', () => {
    const timeout = new SlackCallTimeoutError('chat.postMessage', 10);
    expect(isSlackCallTimeout({ code: 'slack_webapi_request_error', original: timeout })).toBe(true);
    expect(isSlackCallTimeout(new Error('outer', { cause: timeout }))).toBe(true);
    expect(isSlackCallTimeout(new Error('An API error occurred: invalid_blocks'))).toBe(false);
  });
});
