import { isInstanceName } from '../core/instance.js';
import { type JudgedAnswer, QUESTION_CARRIED_CHARS, type Verdict } from '../core/feedback.js';
import { shortDigest } from './short-digest.js';
import { LANGS, MODULE_IDS, type Lang, type ModuleId } from '../core/types.js';

/**
 * What an Action.Submit button on our cards sends back as `activity.value`.
 * The renderer writes these and the Teams adapter reads them, so both sides share this one shape.
 */
export type CardAction =
  | ({ action: 'feedback'; verdict: Verdict } & JudgedAnswer)
  | { action: 'show-module'; module: ModuleId; lang: Lang; instance?: string }
  /**
   * The correction card's submit; Teams adds the chosen module (the ChoiceSet `module`) to the data.
   * `voter` tells whose verdict it corrects (voterTag) without putting their id on a card the whole channel can read.
   */
  | { action: 'correction'; verdictId: string; lang: Lang; voter: string; module?: ModuleId };

/** Who voted a verdict, as a correction card carries it: a digest of the verdict id and the voter's id. */
export function voterTag(verdictId: string, user: string): string {
  return shortDigest(`${verdictId}:${user}`);
}

/** Data for a Helpful / Not it button. */
export function feedbackAction(verdict: Verdict, judged: JudgedAnswer): CardAction {
  return { action: 'feedback', verdict, ...judged };
}

/** The parts of a judged answer a card carried back, when each is well formed; undefined when any is not. */
function judgedExtras(data: Record<string, unknown>): Pick<JudgedAnswer, 'confidence' | 'candidates' | 'question'> | undefined {
  const { confidence, candidates, question } = data;
  if (confidence !== undefined && !(typeof confidence === 'number' && confidence >= 0 && confidence <= 1)) return undefined;
  if (candidates !== undefined && !(Array.isArray(candidates) && candidates.every(isModuleId))) return undefined;
  if (question !== undefined && !(typeof question === 'string' && question.length <= QUESTION_CARRIED_CHARS)) return undefined;
  return { ...(confidence !== undefined && { confidence }), ...(candidates !== undefined && { candidates }), ...(question !== undefined && { question }) };
}

/** Data for a button that shows another module's card; `instance` keeps the commands on the instance of the card it sits on. */
export function showModuleAction(module: ModuleId, lang: Lang, instance?: string): CardAction {
  return instance ? { action: 'show-module', module, lang, instance } : { action: 'show-module', module, lang };
}

function isModuleId(value: unknown): value is ModuleId {
  return typeof value === 'string' && (MODULE_IDS as readonly string[]).includes(value);
}

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Reads a submitted `activity.value`; anything not written by our cards (or tampered with) gives undefined. */
export function parseCardAction(value: unknown): CardAction | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const data = value as Record<string, unknown>;
  if (!isLang(data.lang)) return undefined;
  if (data.action === 'show-module' && isModuleId(data.module)) {
    if (data.instance === undefined) return showModuleAction(data.module, data.lang);
    return typeof data.instance === 'string' && isInstanceName(data.instance) ? showModuleAction(data.module, data.lang, data.instance) : undefined;
  }
  if (data.action === 'feedback' && (data.verdict === 'helpful' || data.verdict === 'not_it')) {
    if (data.module !== null && !isModuleId(data.module)) return undefined;
    const extras = judgedExtras(data);
    return extras && feedbackAction(data.verdict, { module: data.module, lang: data.lang, ...extras });
  }
  if (data.action === 'correction' && typeof data.verdictId === 'string' && /^[0-9a-f-]{36}$/.test(data.verdictId)) {
    if (typeof data.voter !== 'string' || !/^[0-9a-f]{16}$/.test(data.voter)) return undefined;
    // Submitted without a choice, the module is missing: the bot asks again rather than guess.
    if (data.module !== undefined && !isModuleId(data.module)) return undefined;
    return { action: 'correction', verdictId: data.verdictId, lang: data.lang, voter: data.voter, ...(data.module !== undefined && { module: data.module }) };
  }
  return undefined;
}
