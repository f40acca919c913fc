import { createMemoryDedupe, type EventDedupe } from '../event-dedupe.js';

/**
 * How long a second click on the same button, or an invoke Teams sends again because it had no
 * answer within 5 s (it tries twice more), counts as the same request. Short, so that asking again
 * on purpose later still works.
 */
export const REPEAT_WINDOW_MS = 30_000;

/** Claims keys for `windowMs`: in the replicas' shared dedupe when it keeps windows of the caller's, else in this process. */
export function createRepeatGuard(dedupe: EventDedupe, windowMs = REPEAT_WINDOW_MS): (key: string) => Promise<boolean> {
  const local = createMemoryDedupe({ windowMs });
  return (key) => dedupe.claimFor?.(key, windowMs) ?? local.claim(key);
}
