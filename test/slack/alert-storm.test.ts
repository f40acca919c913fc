import { describe, expect, it } from 'vitest';
import { ALERT_STORM_WINDOW_MS, createAlertStorm, isTallyPoint } from '../../src/slack/alert-storm.js';

function clock(start = 1_700_000_000_000) {
  let at = start;
  return { now: () => at, advance: (ms: number) => void (at += ms) };
}

describe('createAlertStorm', () => {
  it('lets the first alert about a module and instance through and counts the rest of the window', () => {
    const time = clock();
    const storm = createAlertStorm<string>({ now: time.now });
    expect(storm.arrive('mta@prod', () => 'answer-1')).toEqual({ first: true, answer: 'answer-1' });
    for (let i = 2; i <= 50; i += 1) {
      time.advance(1_000);
      expect(storm.arrive('mta@prod', () => 'never')).toEqual({ first: false, answer: 'answer-1', count: i, since: 1_700_000_000_000 });
    }
    expect(storm.count('mta@prod')).toBe(50);
  });

  it('keeps modules and instances apart', () => {
    const storm = createAlertStorm<string>({ now: clock().now });
    expect(storm.arrive('mta@prod', () => 'a').first).toBe(true);
    expect(storm.arrive('mta@mkt', () => 'b').first).toBe(true);
    expect(storm.arrive('wfserver@prod', () => 'c').first).toBe(true);
    expect(storm.arrive('mta@prod', () => 'd').first).toBe(false);
  });

  it('answers again once the window has passed, and forgets the old window', () => {
    const time = clock();
    const storm = createAlertStorm<string>({ now: time.now });
    storm.arrive('mta@prod', () => 'first');
    time.advance(ALERT_STORM_WINDOW_MS - 1);
    expect(storm.arrive('mta@prod', () => 'x').first).toBe(false);
    time.advance(1);
    expect(storm.arrive('mta@prod', () => 'second')).toEqual({ first: true, answer: 'second' });
    expect(storm.count('mta@prod')).toBe(1);
    time.advance(ALERT_STORM_WINDOW_MS);
    expect(storm.count('mta@prod')).toBe(0);
  });
  it('opens a new window once the old one is forgotten (its answer could not be posted)', () => {
    const time = clock();
    const storm = createAlertStorm<string>({ now: time.now });
    storm.arrive('mta@prod', () => 'failed');
    storm.arrive('mta@prod', () => 'x');
    storm.forget('mta@prod');
    expect(storm.count('mta@prod')).toBe(0);
    time.advance(1_000);
    expect(storm.arrive('mta@prod', () => 'answer')).toEqual({ first: true, answer: 'answer' });
    storm.forget('wfserver@prod');
    expect(storm.count('mta@prod')).toBe(1);
  });
});

describe('isTallyPoint', () => {
  it.each([
    [1, false],
    [2, true],
    [3, false],
    [5, true],
    [9, false],
    [10, true],
    [20, true],
    [49, false],
    [50, true],
    [100, true],
    [150, false],
    [500, true],
  ])('%i → %s', (count, expected) => {
    expect(isTallyPoint(count)).toBe(expected);
  });
});
