export interface EventDedupeOptions {
  /** How long a key is remembered; Slack's retries arrive within minutes. */
  ttlMs?: number;
  /** Upper bound on remembered keys, so a flood cannot grow memory without limit. */
  maxKeys?: number;
  /** Injectable clock for tests. */
  now?: () => number;
}

export interface EventDedupe {
  /** Records `key` and says whether it had already been seen within the window. */
  seen(key: string): boolean;
  readonly size: number;
}

/**
 * Remembers recent event keys (Slack's `event_id`, or channel + message ts) so a redelivered
 * event — Slack retries when it did not see a 200 in 3 s — is answered only once.
 */
export function createEventDedupe(options: EventDedupeOptions = {}): EventDedupe {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  // Map keeps insertion order, so the oldest keys are at the front.
  const expiries = new Map<string, number>();

  const evict = (at: number): void => {
    for (const [key, expiry] of expiries) {
      if (expiry > at && expiries.size <= maxKeys) break;
      expiries.delete(key);
    }
  };

  return {
    seen(key) {
      const at = now();
      evict(at);
      const expiry = expiries.get(key);
      if (expiry !== undefined && expiry > at) return true;
      expiries.set(key, at + ttlMs);
      evict(at);
      return false;
    },
    get size() {
      return expiries.size;
    },
  };
}
