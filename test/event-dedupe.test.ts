import { describe, expect, it } from 'vitest';
import { createMemoryDedupe, DEDUPE_MAX_KEYS, DEDUPE_WINDOW_MS } from '../src/event-dedupe.js';

describe('createMemoryDedupe', () => {
  it('claims a key the first time only', async () => {
    const dedupe = createMemoryDedupe();
    expect(await dedupe.claim('Ev1')).toBe(true);
    expect(await dedupe.claim('Ev1')).toBe(false);
    expect(await dedupe.claim('Ev2')).toBe(true);
  });

  it('claims a released key again, and releases a key it never saw without complaint', async () => {
    const dedupe = createMemoryDedupe();
    await dedupe.claim('answer:C0ALERTS1:1700000000.000100');
    await dedupe.release('answer:C0ALERTS1:1700000000.000100');
    await dedupe.release('never-claimed');
    expect(await dedupe.claim('answer:C0ALERTS1:1700000000.000100')).toBe(true);
    expect(await dedupe.claim('answer:C0ALERTS1:1700000000.000100')).toBe(false);
    expect(dedupe.size).toBe(1);
  });

  it('remembers a key for an hour, then forgets it and frees its memory', async () => {
    let now = 0;
    const dedupe = createMemoryDedupe({ now: () => now });
    expect(DEDUPE_WINDOW_MS).toBeGreaterThanOrEqual(60 * 60_000);
    await dedupe.claim('Ev1');
    now = DEDUPE_WINDOW_MS - 1;
    expect(await dedupe.claim('Ev1')).toBe(false);
    now = DEDUPE_WINDOW_MS;
    expect(await dedupe.claim('Ev2')).toBe(true);
    expect(dedupe.size).toBe(1);
    expect(await dedupe.claim('Ev1')).toBe(true);
  });

  it('still knows a key after 10 001 other events within the window (each with its event and message key)', async () => {
    let now = 0;
    const dedupe = createMemoryDedupe({ now: () => now });
    await dedupe.claim('event:Ev0REPLAYED');
    for (let i = 0; i < 10_001; i += 1) {
      now += 10;
      await dedupe.claim(`event:Ev${i}`);
      await dedupe.claim(`message:C0INCIDENT:${i}.000100`);
    }
    expect(await dedupe.claim('event:Ev0REPLAYED')).toBe(false);
  });

  it('holds at most maxKeys: past the cap the oldest is forgotten early, and that is reported once', async () => {
    let now = 0;
    const overflows: Array<{ maxKeys: number; droppedAgeMs: number }> = [];
    const dedupe = createMemoryDedupe({ maxKeys: 3, now: () => now, onOverflow: (info) => overflows.push(info) });
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      now += 1000;
      await dedupe.claim(key);
    }
    expect(dedupe.size).toBe(3);
    expect(overflows).toEqual([{ maxKeys: 3, droppedAgeMs: 3000 }]);
    // The newest are still refused; the oldest would be answered again.
    expect(await dedupe.claim('e')).toBe(false);
    expect(await dedupe.claim('a')).toBe(true);
  });

  it('has a cap above what Slack can deliver in a window (30 000 events an hour, two keys each)', () => {
    expect(DEDUPE_MAX_KEYS).toBeGreaterThan(2 * 30_000 * (DEDUPE_WINDOW_MS / (60 * 60_000)));
  });
});
