import type { Lang, ModuleId } from '../core/types.js';
import type { Platform, Verdict } from '../core/feedback.js';

/** Times are milliseconds since the epoch in both engines, so comparisons and sorting need no dialect. */

export interface AnswersTable {
  id: string;
  at: number;
  platform: Platform;
  module: ModuleId | null;
  confidence: number;
  lang: Lang;
  /** Only with STORE_QUESTIONS=all; removed after QUESTION_RETENTION_DAYS. */
  question: string | null;
}

export interface VerdictsTable {
  id: string;
  at: number;
  verdict: Verdict;
  module: ModuleId | null;
  confidence: number | null;
  lang: Lang;
  platform: Platform;
  /** The platform's user id, never a name. */
  user_id: string | null;
  /** With STORE_QUESTIONS=feedback or all; removed after QUESTION_RETENTION_DAYS. */
  question: string | null;
  /** The module the asker picked after "Not it". */
  correct_module: ModuleId | null;
  corrected_at: number | null;
}

/** Slack event ids and Teams activity ids already answered, shared by every replica. */
export interface SeenEventsTable {
  key: string;
  seen_at: number;
}

export interface Database {
  answers: AnswersTable;
  verdicts: VerdictsTable;
  seen_events: SeenEventsTable;
}
