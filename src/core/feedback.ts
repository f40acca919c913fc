import { randomUUID } from 'node:crypto';
import { sliceWhole } from './normalize.js';
import type { Reply } from './reply.js';
import { MODULE_IDS, type Lang, type ModuleId } from './types.js';

export type Verdict = 'helpful' | 'not_it';
export type Platform = 'slack' | 'teams' | 'cli';

/** What a card's Helpful / Not it buttons carry back: the answer they judge. */
export interface JudgedAnswer {
  module: ModuleId | null;
  lang: Lang;
  /** The confidence of the module named (of the best guess when none was). */
  confidence?: number;
  /** The modules the card offered besides the answer, first in the correction menu. */
  candidates?: readonly ModuleId[];
  /** The question, cut to QUESTION_CARRIED_CHARS; kept only where STORE_QUESTIONS allows. */
  question?: string;
}

/** Cards carry at most this much of the question back with a verdict (Slack allows 2000 characters in a button value). */
export const QUESTION_CARRIED_CHARS = 1000;

/** Replies that judge a question, and so carry Helpful / Not it. */
export type JudgedReply = Extract<Reply, { kind: 'diagnosis' | 'howto' | 'outside' }>;

/** At most this many candidates travel with a verdict. */
const CARRIED_CANDIDATES = 4;

/** What a reply's feedback buttons carry: the module judged (none for how-to and outside answers), its confidence, the runners-up and the question. */
export function judgedAnswer(reply: JudgedReply): JudgedAnswer {
  const { diagnosis } = reply;
  const module = reply.kind === 'diagnosis' ? diagnosis.module : null;
  const candidates = diagnosis.candidates
    .map((c) => c.module)
    .filter((id) => id !== module)
    .slice(0, CARRIED_CANDIDATES);
  return { module, lang: reply.lang, confidence: diagnosis.confidence, candidates, question: sliceWhole(reply.query, QUESTION_CARRIED_CHARS) };
}

/** The answer to record for a reply; undefined for help, lists, module cards and refusals, which answer no question. */
export function answeredOf(reply: Reply, platform: Platform, at = new Date()): Answered | undefined {
  if (reply.kind !== 'diagnosis' && reply.kind !== 'howto' && reply.kind !== 'outside') return undefined;
  const { module, confidence = 0, lang } = judgedAnswer(reply);
  return { platform, module, confidence, lang, question: reply.query, at };
}

/** The correction menu: the candidates the card offered first, then every other module. */
export function correctionChoices(candidates: readonly ModuleId[] = []): { suggested: ModuleId[]; others: ModuleId[] } {
  return { suggested: [...candidates], others: MODULE_IDS.filter((id) => !candidates.includes(id)) };
}

/** One "Helpful" / "Not it" click, whatever platform it came from. */
export interface Feedback extends JudgedAnswer {
  verdict: Verdict;
  platform: Platform;
  /** Platform user id, never a name or token. */
  user?: string;
  at: Date;
}

/** An answer given: counted in the report; its question kept only with STORE_QUESTIONS=all. */
export interface Answered {
  platform: Platform;
  module: ModuleId | null;
  confidence: number;
  lang: Lang;
  question: string;
  at: Date;
}

/** The module the asker picked after "Not it". */
export interface Correction {
  verdictId: string;
  module: ModuleId;
  at: Date;
}

/** Where answers, verdicts and corrections go. */
export interface FeedbackSink {
  /** Never throws and never delays the answer: recording is done in the background. */
  answered(answer: Answered): void;
  /** The verdict's id, which a correction names later. */
  record(feedback: Feedback): Promise<string>;
  correct(correction: Correction): Promise<void>;
}

/** A sink that hands each event, as a flat log record without the question, to `write` (tests pass a list). */
export function createLogFeedbackSink(write: (record: Record<string, unknown>) => void): FeedbackSink {
  return {
    answered({ question: _question, ...answer }) {
      write({ event: 'answered', ...answer, at: answer.at.toISOString() });
    },
    async record({ question: _question, ...feedback }) {
      const id = randomUUID();
      write({ event: 'feedback', id, ...feedback, at: feedback.at.toISOString() });
      return id;
    },
    async correct(correction) {
      write({ event: 'correction', ...correction, at: correction.at.toISOString() });
    },
  };
}
