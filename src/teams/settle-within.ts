export type Settled = { kind: 'done' } | { kind: 'failed'; error: unknown };

/** How some work stood when its time was up: settled, or still running with `settled` telling how it ends. */
export type SettledWithin = Settled | { kind: 'still-running'; settled: Promise<Settled> };

/** Waits for `work` at most `budgetMs`; work still running then goes on, unobserved but for `settled`. Never rejects. */
export function settleWithin(work: Promise<unknown>, budgetMs: number): Promise<SettledWithin> {
  const settled = work.then(
    (): Settled => ({ kind: 'done' }),
    (error: unknown): Settled => ({ kind: 'failed', error }),
  );
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<SettledWithin>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'still-running', settled }), budgetMs);
  });
  return Promise.race([settled, timeUp]).finally(() => clearTimeout(timer));
}
