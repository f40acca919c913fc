import { describe, expect, it } from 'vitest';
import { settleWithin } from '../../src/teams/settle-within.js';

/** Settles after `ms`: resolves, or rejects with `error` when one is given. */
function settlesIn(ms: number, error?: Error): Promise<string> {
  return new Promise((resolve, reject) => setTimeout(() => (error ? reject(error) : resolve('posted')), ms));
}

describe('settleWithin', () => {
  it('says how work that ends within the budget ended', async () => {
    expect(await settleWithin(settlesIn(0), 50)).toEqual({ kind: 'done' });
    const error = new Error('connector: answered 500');
    expect(await settleWithin(settlesIn(0, error), 50)).toEqual({ kind: 'failed', error });
  });

  it('leaves work that outlasts the budget running, and tells how it ends later', async () => {
    const outcome = await settleWithin(settlesIn(60), 10);
    if (outcome.kind !== 'still-running') throw new Error(`expected still running, got ${outcome.kind}`);
    expect(await outcome.settled).toEqual({ kind: 'done' });
  });

  it('never rejects, even when late work fails', async () => {
    const outcome = await settleWithin(settlesIn(30, new Error('late refusal')), 5);
    if (outcome.kind !== 'still-running') throw new Error(`expected still running, got ${outcome.kind}`);
    expect(await outcome.settled).toMatchObject({ kind: 'failed' });
  });
});
