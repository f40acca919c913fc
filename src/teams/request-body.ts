import type { IncomingMessage } from 'node:http';

/** The request body is not a JSON object we can hand to the Bot Framework adapter. */
export class ActivityBodyError extends Error {
  readonly code: 'ACTIVITY_BODY_TOO_LARGE' | 'ACTIVITY_BODY_INVALID';
  readonly status: 400 | 413;
  constructor(code: ActivityBodyError['code'], message: string) {
    super(message);
    this.name = 'ActivityBodyError';
    this.code = code;
    this.status = code === 'ACTIVITY_BODY_TOO_LARGE' ? 413 : 400;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The activity JSON of a request: taken from `req.body` when a body parser already ran,
 * otherwise read from the stream, because CloudAdapter insists on a parsed object.
 */
export async function readActivityBody(req: IncomingMessage & { body?: unknown }, maxBytes: number): Promise<Record<string, unknown>> {
  if (isObject(req.body)) return req.body;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw new ActivityBodyError('ACTIVITY_BODY_TOO_LARGE', `activity body: larger than ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ActivityBodyError('ACTIVITY_BODY_INVALID', 'activity body: not valid JSON');
  }
  if (!isObject(parsed)) throw new ActivityBodyError('ACTIVITY_BODY_INVALID', 'activity body: expected a JSON object');
  return parsed;
}
