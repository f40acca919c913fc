import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SPAWN_TIMEOUT_MS } from '../wait.js';

/** One call the bot made to the Bot Framework connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  /** The activity id in the path: the message replied to (POST) or replaced (PUT). */
  activityId?: string;
  authorization?: string;
  body: Record<string, unknown>;
  /** The id the recorder answered with, as the connector names a posted activity. */
  answeredId: string;
}

export interface ConnectorRecorder {
  url: string;
  /** Calls answered with 200. */
  calls: ConnectorCall[];
  /** Every request that arrived, answered or not ("POST /v3/…"). */
  received: string[];
  /** Queues `count` calls answered with `status` instead of 200 (after anything already queued), with a Retry-After header when given. */
  failNext(count: number, status: number, retryAfter?: string): void;
  /** Queues `count` calls left unanswered, like a connector that hangs (after anything already queued). */
  hangNext(count: number): void;
  /** Queues `count` calls answered only after `delayMs`, with `status` (200: recorded when answered), like a slow connector. */
  delayNext(count: number, delayMs: number, status?: number): void;
  /** Forgets every call and anything still queued, so one test's leftovers cannot reach the next. */
  reset(): void;
  /** Resolves once at least `count` calls have been recorded. */
  waitFor(count: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/** A loopback stand-in for the connector: records every send, reply and update, and answers like the real one. */
export async function startConnectorRecorder(): Promise<ConnectorRecorder> {
  const calls: ConnectorCall[] = [];
  const received: string[] = [];
  /** How the next calls are answered, in order; an empty queue answers 200 at once. */
  const script: Array<{ status: number; delayMs: number; retryAfter?: string } | 'hang'> = [];
  let sequence = 0;
  const server: Server = createServer((req, res) => {
    received.push(`${req.method ?? ''} ${req.url ?? ''}`);
    const scripted = script.shift();
    if (scripted === 'hang') {
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    const answer = (): void => {
      // The bot gave up waiting and closed the connection: nothing was answered.
      if (res.destroyed) return;
      const path = new URL(req.url ?? '/', 'http://connector').pathname;
      const match = ROUTE.exec(path);
      if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
        res.writeHead(404).end();
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      if (scripted !== undefined && scripted.status !== 200) {
        // As a real service may, the error quotes the activity it was sent, and so the card's question.
        const error = { code: 'ServiceError', message: `Bad activity: ${text.slice(0, 2000)}` };
        res.writeHead(scripted.status, { 'content-type': 'application/json', ...(scripted.retryAfter && { 'retry-after': scripted.retryAfter }) }).end(JSON.stringify({ error }));
        return;
      }
      sequence += 1;
      calls.push({
        answeredId: `bot-activity-${sequence}`,
        method: req.method,
        path,
        conversationId: decodeURIComponent(match[1] ?? ''),
        ...(match[2] ? { activityId: decodeURIComponent(match[2]) } : {}),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `bot-activity-${sequence}` }));
    };
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => (scripted?.delayMs ? setTimeout(answer, scripted.delayMs) : answer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    received,
    failNext(count, status, retryAfter) {
      for (let i = 0; i < count; i += 1) script.push({ status, delayMs: 0, ...(retryAfter && { retryAfter }) });
    },
    delayNext(count, delayMs, status = 200) {
      for (let i = 0; i < count; i += 1) script.push({ status, delayMs });
    },
    hangNext(count) {
      for (let i = 0; i < count; i += 1) script.push('hang');
    },
    reset() {
      calls.length = 0;
      received.length = 0;
      script.length = 0;
    },
    async waitFor(count, timeoutMs = SPAWN_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      while (calls.length < count) {
        if (Date.now() > deadline) throw new Error(`connector: expected ${count} calls, got ${calls.length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return calls;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Hanging calls would hold close() open forever.
        server.closeAllConnections();
      }),
  };
}
