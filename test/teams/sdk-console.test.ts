import { afterAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { describeSdkOutput, withSdkConsole } from '../../src/teams/sdk-console.js';

// Installed before the first withSdkConsole call, so these stand for the console the bridge leaves untouched.
const saved = { error: console.error, warn: console.warn };
const consoleError = vi.fn();
const consoleWarn = vi.fn();
console.error = consoleError;
console.warn = consoleWarn;
afterAll(() => Object.assign(console, saved));

function capture() {
  const lines: string[] = [];
  return { lines, log: createLogger({ level: 'debug', secrets: ['s3cret-value'], write: (line) => lines.push(line) }) };
}

describe('withSdkConsole', () => {
  it('turns console.error and console.warn inside the scope into one JSON line each, and nothing reaches the console', async () => {
    const { lines, log } = capture();
    await withSdkConsole(log, async () => {
      await Promise.resolve();
      const trace = new Error('jwt expired\n    at verify (jsonwebtoken/verify.js:1:1)');
      console.error(trace);
      console.warn('BadRequest: Missing activity or activity type.');
      console.error('Error finding key for token. Available keys: -----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA s3cret-value', { deep: { object: true } });
    });
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
    expect(lines).toHaveLength(3);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({ level: 'warn', msg: 'teams: botbuilder reported', sdkLevel: 'error', sdk: [{ error: 'Error', message: 'jwt expired' }] });
    expect(parsed[1]).toMatchObject({ sdkLevel: 'warn', sdk: ['BadRequest: Missing activity or activity type.'] });
    expect(parsed[2]?.sdk).toEqual(['Error finding key for token. Available keys: -----BEGIN RSA PUBLIC KEY-----', '[object]']);
    expect(lines.join('\n')).not.toContain('verify.js');
  });

  it('leaves the console alone outside the scope', () => {
    console.error('not botbuilder');
    expect(consoleError).toHaveBeenCalledWith('not botbuilder');
  });

  it('keeps concurrent requests apart: each line goes to the logger of the request that caused it', async () => {
    const a = capture();
    const b = capture();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await Promise.all([
      withSdkConsole(a.log, async () => {
        await gate;
        console.warn('from a');
      }),
      withSdkConsole(b.log, async () => {
        console.warn('from b');
        release();
      }),
    ]);
    expect(a.lines.map((l) => JSON.parse(l).sdk)).toEqual([['from a']]);
    expect(b.lines.map((l) => JSON.parse(l).sdk)).toEqual([['from b']]);
  });
});

describe('describeSdkOutput', () => {
  it('keeps an error name, first message line, code and status, never the stack', () => {
    const error = Object.assign(new Error('Failed to load Keys: 500\nmore'), { statusCode: 500, code: 'E1' });
    expect(describeSdkOutput(error)).toEqual({ error: 'Error', message: 'Failed to load Keys: 500', code: 'E1', status: 500 });
    expect(describeSdkOutput('x'.repeat(1000))).toHaveLength(300);
    expect(describeSdkOutput(42)).toBe(42);
    expect(describeSdkOutput(undefined)).toBe('[undefined]');
  });
});
