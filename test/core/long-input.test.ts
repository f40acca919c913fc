import { describe, expect, it } from 'vitest';
import { condenseLongText, READ_WHOLE_CHARS } from '../../src/core/long-input.js';

const routine = (i: number) => `2026-12-06 03:${String(i % 60).padStart(2, '0')}:11 INFO mta@prod Message ${1000 + i} sent to 192.0.2.${i % 250}`;

describe('condenseLongText', () => {
  it('returns short text as it is', () => {
    expect(condenseLongText('emails stuck since 9')).toBe('emails stuck since 9');
  });

  it('keeps the writer words, each distinct error line once, error codes and the last lines of a long log', () => {
    const lines = [
      'mails stopped around 3am, here is the tail of mta.log:',
      ...Array.from({ length: 300 }, (_, i) => routine(i)),
      '2026-12-06 03:12:01 ERROR mta@prod errno=18, Invalid cross-device link (1001)',
      ...Array.from({ length: 200 }, (_, i) => `2026-12-06 03:12:${String(i % 60).padStart(2, '0')} ERROR mta@prod errno=18, Invalid cross-device link (${2000 + i})`),
      ...Array.from({ length: 300 }, (_, i) => routine(i + 300)),
    ];
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(READ_WHOLE_CHARS);
    const kept = condenseLongText(text).split('\n');
    expect(kept[0]).toBe(lines[0]);
    expect(kept.filter((l) => l.includes('errno=18'))).toHaveLength(1);
    expect(kept.slice(-5)).toEqual(lines.slice(-5));
    expect(kept).not.toContain(lines.at(-6));
    expect(kept.length).toBeLessThan(40);
  });

  it('keeps every distinct error before routine warnings, and counts a warning once whatever names it quotes', () => {
    const warnings = Array.from(
      { length: 400 },
      (_, i) =>
        `2026-12-06 03:${String(i % 60).padStart(2, '0')}:11 warning log Password of operator '${String.fromCharCode(97 + (i % 26), 97 + (Math.floor(i / 26) % 26))}' expires in ${i % 30} day(s)`,
    );
    const errors = Array.from(
      { length: 30 },
      (_, i) => `2026-12-06 04:00:${String(i).padStart(2, '0')} error log Step ${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))} failed`,
    );
    const kept = condenseLongText([...warnings, ...errors, ...Array.from({ length: 20 }, (_, i) => routine(i))].join('\n')).split('\n');
    expect(kept.filter((l) => l.includes('Password of operator'))).toHaveLength(1);
    expect(kept.filter((l) => l.includes('error log Step'))).toHaveLength(30);
  });

  it('counts a line once whatever thread id Campaign printed in it', () => {
    const threads = ['000085F8', '00008622', '000085FE', '0000862D', '00008627', '0000860B'];
    const lines = Array.from({ length: 300 }, (_, i) => `2024-09-13 03:00:36.462Z  000085F8 ${threads[i % 6]}  1 info    log  Process 'wfserver@mkt' running, errors 0`);
    const kept = condenseLongText(lines.join('\n')).split('\n');
    expect(kept.filter((l) => l.includes("Process 'wfserver@mkt'"))).toHaveLength(1 + 5);
  });

  it('does not let sixty different warnings before them crowd out the errors', () => {
    const letters = (i: number) => String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26));
    const warnings = Array.from({ length: 60 }, (_, i) => `2026-12-06 03:00:00 warning log Cache ${letters(i)} is cold`);
    const errors = Array.from({ length: 30 }, (_, i) => `2026-12-06 04:00:00 error log Step ${letters(i)} failed`);
    const kept = condenseLongText([...warnings, ...errors, ...Array.from({ length: 200 }, (_, i) => routine(i))].join('\n')).split('\n');
    expect(kept.filter((l) => l.includes('error log Step'))).toHaveLength(30);
    expect(kept.filter((l) => l.includes('warning log Cache')).length).toBeLessThanOrEqual(10);
  });

  it('gives the writer words twice, so pages of log lines do not drown them', () => {
    const text = ['the stat server rejects every mta since noon', ...Array.from({ length: 300 }, (_, i) => routine(i))].join('\n');
    expect(
      condenseLongText(text)
        .split('\n')
        .filter((l) => l === 'the stat server rejects every mta since noon'),
    ).toHaveLength(2);
  });

  it('cuts a long line between characters, never inside an emoji', () => {
    for (let n = 1990; n <= 3000; n += 37) {
      const kept = condenseLongText(`mta down ${'🔥'.repeat(n)}`);
      expect(kept).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });

  it('keeps Korean error lines', () => {
    const text = ['발송이 멈췄어요', ...Array.from({ length: 400 }, (_, i) => routine(i)), '03:15:00 워크플로 실행 오류: 서버에 연결할 수 없음'].join('\n');
    expect(condenseLongText(text)).toContain('워크플로 실행 오류');
  });

  it('reads 1 MB in linear time', () => {
    const text = Array.from({ length: 15_000 }, (_, i) => routine(i)).join('\n');
    expect(text.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    condenseLongText(text);
    // The bench measures it (well under 50 ms); this bound only catches a quadratic slip on a busy machine.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
