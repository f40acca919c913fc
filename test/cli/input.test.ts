import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeInput, InputError, looksBinary, MAX_STDIN_BYTES, readStdin, stdinOrFailure, UnreadableInputError, utf8Chunks } from '../../src/cli/input.js';

/** Text as Windows PowerShell 5 writes it with `>`: UTF-16 little-endian after a byte-order mark. */
const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string): Buffer => utf16le(text).swap16();

describe('looksBinary', () => {
  it.each([
    ['emails stopped going out', false],
    ['워크플로가 시작되지 않아요', false],
    ['tabs\tand\r\nnewlines are text', false],
    [`a long pasted log line with one stray byte \uFFFD in the middle of it`, false],
    ['mta\u0000', false],
    ['mta stopped\u0007 again\u000c\u000b see log\bs', false],
    ['progress 10%\rprogress 20%\rdone', false],
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

  it('reads a log with a stray NUL and a Latin-1 byte as text', () => {
    const log = Buffer.concat([Buffer.from('2026-12-06 03:12:01 mta@prod ERROR errno=18 Invalid cross-device link\n'), Buffer.from([0x00, 0xe9]), Buffer.from('\nend of log\n')]);
    expect(decodeInput(log)).toContain('errno=18');
  });

  it.each([
    ['mostly NUL bytes', Buffer.from([0x6d, 0x00, 0x00, 0x00])],
    ['mostly invalid UTF-8', Buffer.from([0x6d, 0x74, 0x61, 0xff, 0xfe])],
    ['a PNG header and random bytes', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0x91, 0x02])],
  ])('refuses %s as binary', (_name, bytes) => {
    expect(() => decodeInput(bytes)).toThrow(InputError);
    expect(() => decodeInput(bytes)).toThrow(/binary data/);
  });
});

describe('UTF-16 with a byte-order mark', () => {
  it.each([
    ['little-endian', utf16le],
    ['big-endian', utf16be],
  ])('is decoded as text (%s), not refused as binary', (_name, encode) => {
    expect(decodeInput(encode('메일이 안 나가요: mta@prod'))).toBe('메일이 안 나가요: mta@prod');
  });

  it('is re-encoded as UTF-8 while it streams, a character split across chunks included', async () => {
    const bytes = utf16le('{"text":"워크플로 멈춤"}\n{"text":"mta down"}\n');
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 14), bytes.subarray(14)];
    const out: Buffer[] = [];
    for await (const chunk of utf8Chunks(Readable.from(chunks))) out.push(chunk);
    expect(Buffer.concat(out).toString('utf8')).toBe('{"text":"워크플로 멈춤"}\n{"text":"mta down"}\n');
  });

  it('leaves UTF-8 bytes as they are', async () => {
    const out: Buffer[] = [];
    for await (const chunk of utf8Chunks(Readable.from([Buffer.from('ab\xffc', 'latin1')]))) out.push(chunk);
    expect(Buffer.concat(out)).toEqual(Buffer.from('ab\xffc', 'latin1'));
  });

  it('is read from stdin as the text it holds', async () => {
    await expect(readStdin(Readable.from([utf16le('bounce mails are no longer forwarded')]))).resolves.toBe('bounce mails are no longer forwarded');
  });
});

describe('stdinOrFailure', () => {
  it('turns a directory given as stdin into a read that fails with a reason', async () => {
    await expect(readStdin(stdinOrFailure(Readable.from(['unused']), true))).rejects.toThrow(UnreadableInputError);
    await expect(readStdin(stdinOrFailure(Readable.from(['mta down']), false))).resolves.toBe('mta down');
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
