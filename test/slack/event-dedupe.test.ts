import { describe, expect, it } from 'vitest';
import { createEventDedupe } from '../../src/slack/event-dedupe.js';

describe('createEventDedupe', () => {
  it('reports a key as seen the second time only', () => {
    const dedupe = createEventDedupe();
    expect(dedupe.seen('Ev1')).toBe(false);
    expect(dedupe.seen('Ev1')).toBe(true);
    expect(dedupe.seen('Ev2')).toBe(false);
  });

  it('forgets keys after the window', () => {
    let now = 0;
    const dedupe = createEventDedupe({ ttlMs: 1000, now: () => now });
    dedupe.seen('Ev1');
    now = 999;
    expect(dedupe.seen('Ev1')).toBe(true);
    now = 1001;
    expect(dedupe.seen('Ev1')).toBe(false);
  });

  it('never holds more than maxKeys, dropping the oldest first', () => {
    const dedupe = createEventDedupe({ maxKeys: 3, now: () => 0 });
    for (const key of ['a', 'b', 'c', 'd']) dedupe.seen(key);
    expect(dedupe.size).toBe(3);
    expect(dedupe.seen('d')).toBe(true);
    expect(dedupe.seen('a')).toBe(false);
  });
});
