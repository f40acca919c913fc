import { describe, expect, it } from 'vitest';
import { createInFlight } from '../src/in-flight.js';

const slack = { platform: 'slack', kind: 'event_callback' } as const;

describe('createInFlight', () => {
  it('counts work until it settles, and passes results and rejections through', async () => {
    const inFlight = createInFlight();
    let finish: (value: string) => void = () => undefined;
    const tracked = inFlight.track(slack, new Promise<string>((resolve) => (finish = resolve)));
    expect(inFlight.size).toBe(1);
    finish('posted');
    await expect(tracked).resolves.toBe('posted');
    await expect(inFlight.track(slack, Promise.reject(new Error('slack: down')))).rejects.toThrow('slack: down');
    expect(inFlight.size).toBe(0);
  });

  it('drains at once when idle, and as soon as the last answer is out', async () => {
    const inFlight = createInFlight();
    expect(await inFlight.drain(60_000)).toEqual([]);
    void inFlight.track(slack, new Promise((resolve) => setTimeout(resolve, 20)));
    const started = Date.now();
    expect(await inFlight.drain(60_000)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives up after the bound and names what it dropped, with its age', async () => {
    let clock = 1_000;
    const inFlight = createInFlight(() => clock);
    void inFlight.track({ platform: 'teams', kind: 'message' }, new Promise(() => undefined));
    clock = 1_250;
    expect(await inFlight.drain(10)).toEqual([{ platform: 'teams', kind: 'message', ageMs: 250 }]);
  });
});
