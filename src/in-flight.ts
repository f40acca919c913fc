/** How long SIGTERM/SIGINT waits for answers still being posted before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** What an answer in flight is, for the log: never the question itself. */
export interface InFlightLabel {
  platform: 'slack' | 'teams';
  /** The Slack payload type (event_callback, slash_commands, block_actions…) or `message` for Teams. */
  kind: string;
}

export interface DroppedAnswer extends InFlightLabel {
  /** How long it had been running when the process gave up on it. */
  ageMs: number;
}

/** Counts answers being worked on so a shutdown can wait for them. */
export interface InFlight {
  readonly size: number;
  /** Runs until `work` settles; its result and rejection pass through untouched. */
  track<T>(label: InFlightLabel, work: Promise<T>): Promise<T>;
  /** Resolves once nothing is in flight or `timeoutMs` has passed, with what was still running then. */
  drain(timeoutMs: number): Promise<DroppedAnswer[]>;
}

/** An in-flight tracker; `now` is injectable so tests need not wait on the wall clock. */
export function createInFlight(now: () => number = Date.now): InFlight {
  const running = new Map<number, InFlightLabel & { startedAt: number }>();
  const idleWaiters = new Set<() => void>();
  let nextId = 0;

  const settle = (id: number): void => {
    running.delete(id);
    if (running.size > 0) return;
    for (const wake of idleWaiters) wake();
    idleWaiters.clear();
  };

  return {
    get size() {
      return running.size;
    },
    track(label, work) {
      nextId += 1;
      const id = nextId;
      running.set(id, { ...label, startedAt: now() });
      return work.finally(() => settle(id));
    },
    async drain(timeoutMs) {
      if (running.size > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            idleWaiters.delete(done);
            resolve();
          }, timeoutMs);
          const done = () => {
            clearTimeout(timer);
            resolve();
          };
          idleWaiters.add(done);
        });
      }
      const at = now();
      return [...running.values()].map(({ platform, kind, startedAt }) => ({ platform, kind, ageMs: at - startedAt }));
    },
  };
}
