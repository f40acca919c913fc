import { isInstanceName } from '../core/instance.js';
import { unescapeSlack } from '../render/escape.js';
import type { JudgedAnswer, Verdict } from '../core/feedback.js';
import { LANGS, MODULE_IDS, type Lang, type ModuleId } from '../core/types.js';

/**
 * Action ids on Slack cards. Slack wants them unique within a block, so repeated buttons get
 * an index suffix; the adapter matches on the prefix.
 */
export const SLACK_ACTIONS = {
  showModule: 'show_module',
  feedbackHelpful: 'feedback_helpful',
  feedbackNotIt: 'feedback_not_it',
  openDocs: 'open_docs',
  correctModule: 'correct_module',
} as const;

/** block_id of the "Which module was it?" menu shown after "Not it". */
export const CORRECTION_BLOCK_ID = 'correction';

/** block_id of the "Did this help?" row, so a click can replace just that row. */
export const FEEDBACK_BLOCK_ID = 'feedback';

/** Matches every action id that starts with `prefix` (with or without an index suffix). */
export function actionPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}(_\\d+)?$`);
}

export interface ShowModuleValue {
  module: ModuleId;
  lang: Lang;
  /** The instance the card it came from used, so the other module's commands use it too. */
  instance?: string;
}

export interface FeedbackValue extends JudgedAnswer {
  verdict: Verdict;
}

const NO_MODULE = '-';

function asModule(text: string | undefined): ModuleId | undefined {
  return MODULE_IDS.find((id) => id === text);
}

function asLang(text: string | undefined): Lang | undefined {
  return LANGS.find((lang) => lang === text);
}

/** `mta|ko`, or `mta|ko|mkt` with the instance: what a candidate button or list entry needs to draw that module's card. */
export function encodeShowModule(value: ShowModuleValue): string {
  return value.instance ? `${value.module}|${value.lang}|${value.instance}` : `${value.module}|${value.lang}`;
}

/** Parses a show-module value; undefined when it is not one this bot wrote. */
export function decodeShowModule(text: string | undefined): ShowModuleValue | undefined {
  const [moduleText, langText, instance, ...rest] = (text ?? '').split('|');
  const module = asModule(moduleText);
  const lang = asLang(langText);
  if (module === undefined || lang === undefined || rest.length > 0) return undefined;
  if (instance === undefined) return { module, lang };
  return isInstanceName(instance) ? { module, lang, instance } : undefined;
}

/**
 * `helpful|mta|en|0.912|web,stat|the question…`, or `not_it|-|ko|…` when the card named no module.
 * The question comes last because it may hold `|`.
 */
export function encodeFeedback(value: FeedbackValue): string {
  const confidence = value.confidence === undefined ? '' : value.confidence.toFixed(3);
  return [value.verdict, value.module ?? NO_MODULE, value.lang, confidence, (value.candidates ?? []).join(','), value.question ?? ''].join('|');
}

function asCandidates(text: string): ModuleId[] | undefined {
  const ids = text === '' ? [] : text.split(',').map(asModule);
  return ids.every((id) => id !== undefined) ? (ids as ModuleId[]) : undefined;
}

/** Parses a feedback value (cards posted before the confidence and question were carried have only the first three fields); undefined when it is not one this bot wrote. */
export function decodeFeedback(text: string | undefined): FeedbackValue | undefined {
  const [verdictText, moduleText, langText, confidenceText, candidatesText = '', ...question] = (text ?? '').split('|');
  const verdict = verdictText === 'helpful' || verdictText === 'not_it' ? verdictText : undefined;
  const module = moduleText === NO_MODULE ? null : asModule(moduleText);
  const lang = asLang(langText);
  if (verdict === undefined || module === undefined || lang === undefined) return undefined;
  if (confidenceText === undefined) return { verdict, module, lang };
  const confidence = confidenceText === '' ? undefined : Number(confidenceText);
  const candidates = asCandidates(candidatesText);
  if ((confidence !== undefined && !(confidence >= 0 && confidence <= 1)) || candidates === undefined) return undefined;
  // The card escapes the question like all user text on it (feedbackBlocks); the store keeps it as typed.
  const questionText = unescapeSlack(question.join('|'));
  return { verdict, module, lang, ...(confidence !== undefined && { confidence }), ...(candidates.length > 0 && { candidates }), ...(questionText && { question: questionText }) };
}

export interface CorrectionValue {
  verdictId: string;
  module: ModuleId;
  lang: Lang;
  /** The Slack user who voted "Not it": only they say which module it was (menus posted before carry none). */
  voter?: string;
}

/** A correction menu option: `<verdict id>|wfserver|en|U0123`. */
export function encodeCorrection(value: CorrectionValue): string {
  return [value.verdictId, value.module, value.lang, ...(value.voter ? [value.voter] : [])].join('|');
}

/** Parses a correction option; undefined when it is not one this bot wrote. */
export function decodeCorrection(text: string | undefined): CorrectionValue | undefined {
  const [verdictId = '', moduleText, langText, voter, ...rest] = (text ?? '').split('|');
  const module = asModule(moduleText);
  const lang = asLang(langText);
  if (!/^[0-9a-f-]{36}$/.test(verdictId) || module === undefined || lang === undefined || rest.length > 0) return undefined;
  if (voter !== undefined && !/^[UW][A-Z0-9]{2,}$/.test(voter)) return undefined;
  return { verdictId, module, lang, ...(voter && { voter }) };
}
