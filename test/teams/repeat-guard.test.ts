import { describe, expect, it } from 'vitest';
import type { EventDedupe } from '../../src/event-dedupe.js';
import { createRepeatGuard } from '../../src/teams/repeat-guard.js';

describe('createRepeatGuard', () => {
  it('claims a key once within its window, in this process when the dedupe keeps no windows of the caller’s', async () => {
    const claim = createRepeatGuard({ claim: async () => true, release: async () => {} });
    expect(await claim('teams:show:card-1:stat:user')).toBe(true);
    expect(await claim('teams:show:card-1:stat:user')).toBe(false);
    expect(await claim('teams:show:card-1:mta:user')).toBe(true);
  });

  it('forgets a key once its window is over', async () => {
    const claim = createRepeatGuard({ claim: async () => true, release: async () => {} }, 20);
    expect(await claim('k')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await claim('k')).toBe(true);
  });

  it('asks the shared dedupe, with its own window, when it can keep one', async () => {
    const asked: Array<[string, number]> = [];
    const shared: EventDedupe = {
      claim: async () => true,
      release: async () => {},
      claimFor: async (key, windowMs) => {
        asked.push([key, windowMs]);
        return asked.length === 1;
      },
    };
    const claim = createRepeatGuard(shared, 30_000);
    expect(await claim('k')).toBe(true);
    expect(await claim('k')).toBe(false);
    expect(asked).toEqual([
      ['k', 30_000],
      ['k', 30_000],
    ]);
  });
});
