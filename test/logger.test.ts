import { describe, expect, it } from 'vitest';
import { createLogger, createRedactor, type LogLevel } from '../src/logger.js';

function capture(level: LogLevel, secrets?: string[]) {
  const lines: string[] = [];
  const log = createLogger({ level, write: (line) => lines.push(line), ...(secrets && { secrets }) });
  return { log, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes one JSON object per line with time, level, message and fields', () => {
    const { log, records, lines } = capture('debug');
    log.info('server listening', { port: 3978, adapters: ['slack'] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const [record] = records();
    expect(record).toMatchObject({ level: 'info', msg: 'server listening', port: 3978, adapters: ['slack'] });
    expect(Number.isNaN(Date.parse(String(record?.time)))).toBe(false);
  });

  it.each<[LogLevel, string[]]>([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ])('at level %s writes %j', (level, expected) => {
    const { log, records } = capture(level);
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(records().map((r) => r.level)).toEqual(expected);
  });

  it('does not let a field overwrite the level or message', () => {
    const { log, records } = capture('info');
    log.warn('real', { level: 'debug', msg: 'fake' });
    expect(records()[0]).toMatchObject({ level: 'warn', msg: 'real' });
  });

  it('describes errors by name, code and message instead of {}', () => {
    const { log, records } = capture('info');
    const error = Object.assign(new Error('boom'), { code: 'E_BOOM' });
    log.error('failed', { error });
    expect(records()[0]?.error).toEqual({ name: 'Error', message: 'boom', code: 'E_BOOM' });
  });

  it('survives circular fields', () => {
    const { log, records } = capture('info');
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    log.info('loop', { loop });
    expect(records()[0]?.loop).toEqual({ a: 1, self: '[circular]' });
  });
});

describe('redaction', () => {
  const signingSecret = '8f742231b10e8888abcd99yyyzzz85a5';
  const cases: Array<[string, string]> = [
    ['a bot token', 'token=xoxb-1111-2222-abcdEFGH'],
    ['a user token', 'xoxp-123-456-789-abc'],
    ['an app-level token', 'connecting with xapp-1-A111-222-abc'],
    ['a bearer header', 'Authorization: Bearer abc.def-ghi'],
    ['a JWT', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'],
    ['a configured secret', `secret is ${signingSecret}!`],
  ];

  it.each(cases)('removes %s from messages and nested fields', (_name, text) => {
    const { log, lines } = capture('debug', [signingSecret]);
    log.error(text, { nested: { deeper: [text] }, error: new Error(text) });
    const line = lines[0] ?? '';
    expect(line).toContain('[redacted]');
    for (const secret of ['xoxb-1111', 'xoxp-123', 'xapp-1-A111', 'abc.def-ghi', 'eyJhbGci', signingSecret]) {
      expect(line).not.toContain(secret);
    }
  });

  it('leaves ordinary text alone and ignores secrets too short to be real', () => {
    const redact = createRedactor(['abc', '']);
    expect(redact('mta@prod is missing; abc')).toBe('mta@prod is missing; abc');
  });

  it('redacts a secret that contains JSON-escaped characters', () => {
    const secret = 'p"ass\\word1';
    const { log, lines } = capture('info', [secret]);
    log.info('credential', { value: `x${secret}y` });
    expect(lines[0]).not.toContain('ass\\\\word');
    expect(JSON.parse(lines[0] ?? '{}').value).toBe('x[redacted]y');
  });
});

describe('repeated warnings and errors', () => {
  it('keeps the first ones of a message each minute and says how many it dropped on the next line after the minute, whatever its message', () => {
    const lines: string[] = [];
    let now = 0;
    const log = createLogger({ level: 'info', write: (line) => lines.push(line), repeatsPerMinute: 3, now: () => now });
    for (let i = 0; i < 10; i += 1) log.warn('slack: refused a request', { reason: 'bad signature' });
    log.error('store: lost, answering without recording');
    for (let i = 0; i < 5; i += 1) log.info('slack: answered');
    expect(lines.filter((l) => l.includes('refused a request'))).toHaveLength(3);
    expect(lines.filter((l) => l.includes('store: lost'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('slack: answered'))).toHaveLength(5);
    // The flood stopped; the next line of any kind, a minute on, brings the count.
    now = 61_000;
    log.info('slack: answered');
    expect(lines.slice(-2).map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'slack: refused a request', droppedLastMinute: 7 }),
      expect.objectContaining({ level: 'info', msg: 'slack: answered' }),
    ]);
    // A new minute starts afresh, and a message that dropped nothing gets no count line.
    log.warn('slack: refused a request', { reason: 'bad signature' });
    expect(lines.filter((l) => l.includes('droppedLastMinute'))).toHaveLength(1);
    expect(JSON.parse(lines.at(-1) ?? '{}')).not.toHaveProperty('droppedLastMinute');
  });
});
