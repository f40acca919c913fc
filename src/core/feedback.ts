import type { Lang, ModuleId } from './types.js';

export type Verdict = 'helpful' | 'not_it';
export type Platform = 'slack' | 'teams' | 'cli';

/** One "Helpful" / "Not it" click, whatever platform it came from. */
export interface Feedback {
  verdict: Verdict;
  module: ModuleId | null;
  lang: Lang;
  platform: Platform;
  /** Platform user id, never a name or token. */
  user?: string;
  at: Date;
}

/** Where verdicts go. Persistence comes later; today they are logged as JSON lines. */
export interface FeedbackSink {
  record(feedback: Feedback): Promise<void>;
}

/** A sink that hands each verdict, as a flat log record, to `write` (the server passes its logger). */
export function createLogFeedbackSink(write: (record: Record<string, unknown>) => void): FeedbackSink {
  return {
    async record(feedback) {
      write({ event: 'feedback', ...feedback, at: feedback.at.toISOString() });
    },
  };
}
