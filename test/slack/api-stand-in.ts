import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SPAWN_TIMEOUT_MS } from '../wait.js';

/** One call the bot made: a Web API method (`chat.postMessage`) or a post to a `response_url`. */
export interface RecordedCall {
  /** Web API method name, or `response_url` for interaction replies. */
  method: string;
  path: string;
  authorization?: string;
  body: Record<string, unknown>;
  /** Set once the stand-in's answer reached the bot's socket (a caller that died mid-call never gets it). */
  delivered?: boolean;
  /** Set once the stand-in has answered, or would have had the caller not hung up (after any delay). */
  answered?: boolean;
  /** What the stand-in answered (e.g. the `ts` of a posted message). */
  response?: Record<string, unknown>;
}

/** How the stand-in answers one call instead of succeeding. */
export type Failure = { status: 429; retryAfter: number } | { status: 500 } | { status: 200; error: string; fields?: Record<string, unknown> };

export interface SlackApiStandIn {
  /** Base URL for SLACK_API_URL. */
  apiUrl: string;
  /** A fresh response_url on this server. */
  responseUrl(name?: string): string;
  calls: RecordedCall[];
  /** Calls of one method, including failed attempts. */
  callsTo(method: string): RecordedCall[];
  /** Queues answers for the next calls of `method`, in order. */
  fail(method: string, ...failures: Failure[]): void;
  /** Makes every later call of `method` answer only after `ms` (a slow Slack). */
  delay(method: string, ms: number): void;
  /** What auth.test answers (defaults to a bot user UBOT / bot BBOT). */
  authTest: Record<string, unknown>;
  /** Extra per-method answers, e.g. apps.connections.open for Socket Mode. */
  answers: Record<string, Record<string, unknown>>;
  /** The messages conversations.replies answers with, keyed by `channel:thread_ts`, oldest first as Slack returns them. */
  threads: Map<string, Array<Record<string, unknown>>>;
  waitFor(method: string, count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Forgets recorded calls, queued failures and delays, so one test's leftovers cannot answer the next. */
  reset(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  // The Web API client sends form fields; arrays and objects travel as JSON strings inside them.
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}

/** A loopback stand-in for Slack's Web API and for response_url, recording every call it gets. */
export async function startSlackApiStandIn(): Promise<SlackApiStandIn> {
  const calls: RecordedCall[] = [];
  const queued = new Map<string, Failure[]>();
  const delays = new Map<string, number>();
  const threads = new Map<string, Array<Record<string, unknown>>>();
  let ts = 1_700_000_000;
  const state = {
    authTest: { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'campaign-bot', team_id: 'T0001', user_id: 'UBOT', bot_id: 'BBOT' } as Record<string, unknown>,
    answers: {} as Record<string, Record<string, unknown>>,
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
      const body = await readBody(req);
      const method = path.startsWith('/api/') ? path.slice('/api/'.length) : 'response_url';
      const call: RecordedCall = { method, path, body, ...(req.headers.authorization && { authorization: req.headers.authorization }) };
      calls.push(call);
      res.once('finish', () => {
        call.delivered = true;
      });
      const delayMs = delays.get(method);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      call.answered = true;
      const failure = queued.get(method)?.shift();
      const json = (status: number, payload: Record<string, unknown>, headers: Record<string, string> = {}) => {
        call.response = payload;
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
      };
      if (failure?.status === 429) return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
      if (failure?.status === 500) return json(500, { ok: false, error: 'internal_error' });
      if (failure?.status === 200) return json(200, { ok: false, error: failure.error, ...failure.fields });
      if (method === 'response_url') return json(200, { ok: true });
      if (method === 'auth.test') return json(200, state.authTest);
      const answer = state.answers[method];
      if (answer) return json(200, answer);
      if (method === 'conversations.replies') {
        const messages = threads.get(`${String(body.channel)}:${String(body.ts)}`);
        return json(200, messages ? { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } } : { ok: false, error: 'thread_not_found' });
      }
      // views.publish answers with the view as Slack stored it.
      if (method === 'views.publish') return json(200, { ok: true, view: { id: 'V0HOME', team_id: 'T0001', ...(body.view as object) } });
      ts += 1;
      // chat.postEphemeral answers with the ts only: the message is not stored in the channel.
      if (method === 'chat.postEphemeral') return json(200, { ok: true, message_ts: `${ts}.000100` });
      return json(200, { ok: true, channel: body.channel, ts: `${ts}.000100`, message: { text: body.text } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  let responseUrls = 0;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (name = 'r') => `${base}/response/${name}-${(responseUrls += 1)}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    fail(method, ...failures) {
      queued.set(method, [...(queued.get(method) ?? []), ...failures]);
    },
    delay(method, ms) {
      delays.set(method, ms);
    },
    get authTest() {
      return state.authTest;
    },
    set authTest(value) {
      state.authTest = value;
    },
    answers: state.answers,
    threads,
    async waitFor(method, count, timeoutMs = SPAWN_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      while (calls.filter((c) => c.method === method).length < count) {
        if (Date.now() > deadline) throw new Error(`stand-in: expected ${count} ${method} call(s), got ${calls.filter((c) => c.method === method).length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return calls.filter((c) => c.method === method);
    },
    reset() {
      calls.length = 0;
      queued.clear();
      delays.clear();
      threads.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
