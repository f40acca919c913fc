/**
 * Remembers which events were already answered, so a redelivery (Slack retries when it did not
 * see a 200 in 3 s; the Bot Framework resends too) or a replayed request is answered only once, by
 * the Slack app, the Teams bot and the store's shared dedupe alike. Async so that a store shared by
 * several replicas (e.g. Redis `SET key 1 NX PX windowMs`) can replace the in-memory one.
 */
export interface EventDedupe {
  /** Records `key`; true when this is its first sighting within the window (answer it), false for a repeat. */
  claim(key: string): Promise<boolean>;
  /** The same with a window of the caller's (an alert storm's 10 minutes). Only a dedupe shared by replicas has it: in one process, the caller's own memory does. */
  claimFor?(key: string, windowMs: number): Promise<boolean>;
  /** Gives up a claim (the answer it stood for could not be posted), so the next claim of `key` is first again. */
  release(key: string): Promise<void>;
}

/** How long a key is remembered: longer than Slack's retries and than the 5-minute signature window. */
export const DEDUPE_WINDOW_MS = 60 * 60_000;

/**
 * Safety net on memory (about 16 MB when full). Slack delivers at most 30 000 events an hour to
 * an app in a workspace and each event uses at most two keys, so a normal hour stays well below it.
 */
export const DEDUPE_MAX_KEYS = 100_000;

export interface MemoryDedupeOptions {
  windowMs?: number;
  maxKeys?: number;
  /** Called when the cap forces out a key younger than the window (once, until there is room again). */
  onOverflow?: (info: { maxKeys: number; droppedAgeMs: number }) => void;
  /** Injectable clock for tests. */
  now?: () => number;
}

export interface MemoryDedupe extends EventDedupe {
  readonly size: number;
}

/** The in-process dedupe: keys expire by age; past the cap the oldest is forgotten early. */
export function createMemoryDedupe(options: MemoryDedupeOptions = {}): MemoryDedupe {
  const windowMs = options.windowMs ?? DEDUPE_WINDOW_MS;
  const maxKeys = options.maxKeys ?? DEDUPE_MAX_KEYS;
  const now = options.now ?? Date.now;
  // Keys are only ever added, never refreshed, so insertion order is age order: the oldest is first.
  const firstSeen = new Map<string, number>();
  let overflowing = false;

  const forgetExpired = (at: number): void => {
    for (const [key, seenAt] of firstSeen) {
      if (at - seenAt < windowMs) break;
      firstSeen.delete(key);
    }
  };

  const makeRoom = (at: number): void => {
    if (firstSeen.size < maxKeys) {
      overflowing = false;
      return;
    }
    const [oldestKey, oldestAt] = firstSeen.entries().next().value as [string, number];
    firstSeen.delete(oldestKey);
    if (!overflowing) options.onOverflow?.({ maxKeys, droppedAgeMs: at - oldestAt });
    overflowing = true;
  };

  return {
    async claim(key) {
      const at = now();
      forgetExpired(at);
      if (firstSeen.has(key)) return false;
      makeRoom(at);
      firstSeen.set(key, at);
      return true;
    },
    async release(key) {
      firstSeen.delete(key);
    },
    get size() {
      return firstSeen.size;
    },
  };
}
