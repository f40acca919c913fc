import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeInput, InputError, looksBinary, MAX_STDIN_BYTES, readStdin } from '../../src/cli/input.js';

describe('looksBinary', () => {
  it.each([
    ['emails stopped going out', false],
    ['워크플로가 시작되지 않아요', false],
    ['tabs\tand\r\nnewlines are text', false],
    [`a long pasted log line with one stray byte \uFFFD in the middle of it`, false],
    ['mta\u0000', true],
    ['\uFFFD\uFFFD\uFFFD', true],
    ['ab\u0001\u0002\u0003', true],
    ['\u001B[32mmta@prod\u001B[0m (1234)\n\u001B[31mwfserver@prod\u001B[0m', false],
    ['', false],
  ])('%j → %s', (text, binary) => {
    expect(looksBinary(text)).toBe(binary);
  });
});

describe('decodeInput', () => {
  it('decodes UTF-8 text, Korean included', () => {
    expect(decodeInput(Buffer.from('메일이 안 나가요', 'utf8'))).toBe('메일이 안 나가요');
  });

  it.each([
    ['a NUL byte', Buffer.from([0x6d, 0x74, 0x61, 0x00])],
    ['invalid UTF-8', Buffer.from([0x6d, 0x74, 0x61, 0xff, 0xfe])],
  ])('refuses %s as binary', (_name, bytes) => {
    expect(() => decodeInput(bytes)).toThrow(InputError);
    expect(() => decodeInput(bytes)).toThrow(/binary data/);
  });
});

describe('readStdin', () => {
  it('stops reading once the input cannot be a symptom report', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let served = 0;
    const endless = new Readable({
      read() {
        served += 1;
        this.push(chunk);
      },
    });
    await expect(readStdin(endless)).rejects.toMatchObject({ reason: 'too-long' });
    expect(served * chunk.length).toBeLessThan(MAX_STDIN_BYTES + 4 * chunk.length);
  });
});
