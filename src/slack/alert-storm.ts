/** How long one answer stands for every alert about the same module and instance. */
export const ALERT_STORM_WINDOW_MS = 10 * 60 * 1000;

/** What `arrive` says about one alert: answer it, or it belongs to a storm already answered. */
export type Arrival<T> = { first: true; answer: T } | { first: false; answer: T; count: number; since: number };

export interface AlertStorm<T> {
  /** Records an alert about `key` (module@instance). The first in a window stores `answer()`; later ones get it back with the count so far. */
  arrive(key: string, answer: () => T): Arrival<T>;
  /** How many alerts about `key` the current window has seen (0 outside one). */
  count(key: string): number;
  /** Closes the window of `key`: the next alert about it is first again (its answer could not be posted). */
  forget(key: string): void;
}

export interface AlertStormOptions {
  windowMs?: number;
  /** Milliseconds since the epoch; tests pass their own clock, as Bolt's signature check takes one. */
  now?: () => number;
}

interface Window<T> {
  since: number;
  count: number;
  answer: T;
}

/**
 * One answer per module and instance per window, however many alerts a monitoring storm posts.
 * Memory holds one entry per key seen in the last window: expired ones are dropped as alerts arrive.
 */
export function createAlertStorm<T>(options: AlertStormOptions = {}): AlertStorm<T> {
  const windowMs = options.windowMs ?? ALERT_STORM_WINDOW_MS;
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window<T>>();
  const forgetExpired = (at: number) => {
    // Insertion order is opening order, so the expired windows are at the front.
    for (const [key, window] of windows) {
      if (at - window.since < windowMs) break;
      windows.delete(key);
    }
  };
  return {
    arrive(key, answer) {
      const at = now();
      forgetExpired(at);
      const open = windows.get(key);
      if (open) {
        open.count += 1;
        return { first: false, answer: open.answer, count: open.count, since: open.since };
      }
      const opened: Window<T> = { since: at, count: 1, answer: answer() };
      windows.set(key, opened);
      return { first: true, answer: opened.answer };
    },
    count(key) {
      forgetExpired(now());
      return windows.get(key)?.count ?? 0;
    },
    forget(key) {
      windows.delete(key);
    },
  };
}

/** Counts at which the answer's tally is refreshed (2, 5, 10, 20, 50, 100…): a storm of any size costs a handful of edits. */
export function isTallyPoint(count: number): boolean {
  if (count < 2) return false;
  const magnitude = 10 ** Math.floor(Math.log10(count));
  const lead = count / magnitude;
  return lead === 1 || lead === 2 || lead === 5;
}
