import { randomUUID } from 'node:crypto';
import type { Answered, FeedbackSink } from '../core/feedback.js';
import type { Logger } from '../logger.js';
import { withDeadline } from '../deadline.js';
import { createMemoryDedupe, DEDUPE_WINDOW_MS, type EventDedupe } from '../event-dedupe.js';
import type { Engine } from './engine.js';
import type { Store } from './store.js';

/** Question texts past QUESTION_RETENTION_DAYS and expired event ids are dropped at start-up and then this often. */
export const PURGE_INTERVAL_MS = 60 * 60_000;
/** /healthz waits this long for the store before calling it lost. */
const PING_TIMEOUT_MS = 2_000;
/** Answers are written together, at most this long after they were given or once this many wait. */
const ANSWER_FLUSH_MS = 1_000;
const ANSWER_BATCH = 200;

export interface StoreHealth {
  engine: Engine;
  status: 'ok' | 'degraded';
}

/** The store as the server uses it: a lost store is logged and reported by /healthz, and the bot answers on without recording. */
export interface Recorder {
  feedback: FeedbackSink;
  /** Shared by every replica through the store; in this process's memory while the store is lost. */
  dedupe: EventDedupe;
  health(): Promise<StoreHealth>;
  /** Waits for recordings under way, stops the purge and closes the store. */
  close(): Promise<void>;
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> => withDeadline(promise, ms, () => new Error(`no answer in ${ms} ms`));

export function createRecorder(store: Store, log: Logger, options: { purgeIntervalMs?: number } = {}): Recorder {
  let lost = false;
  const pending = new Set<Promise<unknown>>();
  const memoryDedupe = createMemoryDedupe({ onOverflow: (info) => log.warn('store: in-memory event dedupe is full', info) });

  const worked = () => {
    if (!lost) return;
    lost = false;
    log.info('store: reachable again, recording resumed', { engine: store.engine });
  };
  const failed = (what: string, error: unknown) => {
    // Every failure is logged (what was being recorded, never a question); the transition once more loudly.
    if (!lost) log.error('store: lost, answering without recording', { engine: store.engine });
    lost = true;
    log.warn(`store: could not record ${what}`, { cause: error });
  };
  /** Runs a store call; on failure logs it and gives `fallback` instead. */
  const guarded = async <T>(what: string, call: () => Promise<T>, fallback: () => T | Promise<T>): Promise<T> => {
    const running = call();
    pending.add(running);
    try {
      const result = await running;
      worked();
      return result;
    } catch (error) {
      failed(what, error);
      return fallback();
    } finally {
      pending.delete(running);
    }
  };

  const purge = () =>
    guarded(
      'the purge',
      async () => {
        const removed = await store.purge(Date.now(), DEDUPE_WINDOW_MS);
        if (removed.questions > 0 || removed.events > 0) log.info('store: purged', removed);
      },
      () => undefined,
    );
  void purge();
  const timer = setInterval(() => void purge(), options.purgeIntervalMs ?? PURGE_INTERVAL_MS);
  timer.unref();

  let waiting: Answered[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    const batch = waiting;
    waiting = [];
    if (batch.length > 0)
      void guarded(
        `${batch.length} answers`,
        () => store.recordAnswers(batch),
        () => undefined,
      );
  };

  return {
    feedback: {
      answered(answer) {
        waiting.push(answer);
        if (waiting.length >= ANSWER_BATCH) flush();
        else flushTimer ??= setTimeout(flush, ANSWER_FLUSH_MS);
      },
      // Without the store the verdict is only logged; its id still lets the correction menu show.
      record: (feedback) =>
        guarded(
          'a verdict',
          () => store.recordVerdict(feedback),
          () => randomUUID(),
        ),
      async correct(correction) {
        const found = await guarded(
          'a correction',
          () => store.recordCorrection(correction),
          () => true,
        );
        if (!found) log.warn('store: a correction named no known verdict', { module: correction.module });
      },
    },
    dedupe: {
      // This process's memory first: a redelivery that arrives while the store is slow or lost, and lands where the first
      // delivery did, is dropped even if the store never saw the first.
      claim: async (key) =>
        (await memoryDedupe.claim(key)) &&
        guarded(
          'an event id',
          () => store.claim(key, DEDUPE_WINDOW_MS),
          () => true,
        ),
      // While the store is lost each replica decides alone: an answer too many rather than none.
      claimFor: (key, windowMs) =>
        guarded(
          'an alert storm',
          () => store.claim(key, windowMs),
          () => true,
        ),
      release: async (key) => {
        await memoryDedupe.release(key);
        await guarded(
          'the release of a claim',
          () => store.release(key),
          () => undefined,
        );
      },
    },
    async health() {
      try {
        await withTimeout(store.ping(), PING_TIMEOUT_MS);
        worked();
      } catch (error) {
        failed('a health check', error);
      }
      return { engine: store.engine, status: lost ? 'degraded' : 'ok' };
    },
    async close() {
      clearInterval(timer);
      flush();
      await Promise.allSettled([...pending]);
      await store.close();
    },
  };
}
