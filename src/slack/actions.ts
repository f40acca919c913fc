import { isInstanceName } from '../core/instance.js';
import type { Verdict } from '../core/feedback.js';
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
} as const;

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

export interface FeedbackValue {
  verdict: Verdict;
  module: ModuleId | null;
  lang: Lang;
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

/** `helpful|mta|en`, or `not_it|-|ko` when the card named no module. */
export function encodeFeedback(value: FeedbackValue): string {
  return `${value.verdict}|${value.module ?? NO_MODULE}|${value.lang}`;
}

/** Parses a feedback value; undefined when it is not one this bot wrote. */
export function decodeFeedback(text: string | undefined): FeedbackValue | undefined {
  const [verdictText, moduleText, langText, ...rest] = (text ?? '').split('|');
  const verdict = verdictText === 'helpful' || verdictText === 'not_it' ? verdictText : undefined;
  const module = moduleText === NO_MODULE ? null : asModule(moduleText);
  const lang = asLang(langText);
  if (verdict === undefined || module === undefined || lang === undefined || rest.length > 0) return undefined;
  return { verdict, module, lang };
}
