import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Framework connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  /** The activity id in the path: the message replied to (POST) or replaced (PUT). */
  activityId?: string;
  authorization?: string;
  body: Record<string, unknown>;
}

export interface ConnectorRecorder {
  url: string;
  calls: ConnectorCall[];
  /** Makes the next `count` calls answer with `status` instead of 200. */
  failNext(count: number, status: number): void;
  /** Resolves once at least `count` calls have been recorded. */
  waitFor(count: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/** A loopback stand-in for the connector: records every send, reply and update, and answers like the real one. */
export async function startConnectorRecorder(): Promise<ConnectorRecorder> {
  const calls: ConnectorCall[] = [];
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  let sequence = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://connector').pathname;
      const match = ROUTE.exec(path);
      if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
        res.writeHead(404).end();
        return;
      }
      if (failures.count > 0) {
        failures = { ...failures, count: failures.count - 1 };
        res.writeHead(failures.status, { 'content-type': 'application/json' }).end('{"error":{"code":"ServiceError","message":"stand-in failure"}}');
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      calls.push({
        method: req.method,
        path,
        conversationId: decodeURIComponent(match[1] ?? ''),
        ...(match[2] ? { activityId: decodeURIComponent(match[2]) } : {}),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      });
      sequence += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `bot-activity-${sequence}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    failNext(count, status) {
      failures = { count, status };
    },
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (calls.length < count) {
        if (Date.now() > deadline) throw new Error(`connector: expected ${count} calls, got ${calls.length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return calls;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
