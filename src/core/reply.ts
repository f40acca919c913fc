import type { InstanceChoice, InstanceSettings } from './instance.js';
import type { Diagnosis, Lang, Localized, ModuleEntry, ModuleId, OutsideTopic } from './types.js';

/** Text over this many UTF-8 bytes (1 MB) is refused; anything shorter is read, long logs included. */
export const MAX_INPUT_BYTES = 1_048_576;
/** The limit as people read it. */
export const MAX_INPUT_LABEL = '1 MB';

/**
 * Below this calibrated confidence a named module is a best guess, not a finding: the bot is
 * right about as often as the figure says (`npm run calibration`), so under 0.6 it is wrong
 * about one time in two or three.
 */
export const LIKELY_CONFIDENCE = 0.6;

/** Experience League's search of the Campaign Classic docs for a question, in the asker's language. */
export function docsSearchUrl(question: string, lang: Lang): string {
  const words = question.replace(/\s+/g, ' ').trim().slice(0, 120);
  return `https://experienceleague.adobe.com/search.html?lang=${lang}#q=${encodeURIComponent(words)}&sort=relevancy&f:el_product=[Campaign%20Classic]`;
}

/** True when the text is over MAX_INPUT_BYTES once encoded as UTF-8. */
export function isTooLong(text: string): boolean {
  // A UTF-16 code unit never takes more than 3 UTF-8 bytes, so most text needs no counting.
  return text.length * 3 > MAX_INPUT_BYTES && Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES;
}

/** What the asker's surroundings add to a question: language, instance settings, the modules this server runs. */
export interface ReplyOptions {
  lang?: Lang | undefined;
  instances?: InstanceSettings | undefined;
  /** CAMPAIGN_MODULES: the modules a pasted pdump is expected to list (default: all). */
  expectedModules?: readonly ModuleId[] | undefined;
  /** The text the instance is read from, when not the question itself: "@campaign-module and on acc?" asks a thread's question again for acc. */
  instanceFrom?: string | undefined;
}

/** The module that depends on an outside system, and why: the topic's own reason, or what the module does. */
export interface OutsideDependent {
  module: ModuleId;
  why?: Localized<string>;
}

/**
 * What the bot says back, before any platform has shaped it. `instance` is the instance the card's
 * commands use; a reply built without a question (a button click) falls back to the configured one.
 */
export type Reply =
  /** `search` is set when the text asks and names no trouble: the module may fit, but the docs may answer better. */
  | { kind: 'diagnosis'; lang: Lang; diagnosis: Diagnosis; query: string; instance?: InstanceChoice; search?: string }
  | { kind: 'module'; lang: Lang; module: ModuleEntry; instance?: InstanceChoice }
  /** A question about using or setting up Campaign: where to search the docs, and the module that fits if it hides a failure. */
  | { kind: 'howto'; lang: Lang; diagnosis: Diagnosis; query: string; search: string; instance?: InstanceChoice }
  /**
   * A problem outside the modules (the database, the network…): what it looks like, the module the message names
   * (which shows the error without causing it) and the module that depends on it here.
   */
  | {
      kind: 'outside';
      lang: Lang;
      diagnosis: Diagnosis;
      query: string;
      topic: OutsideTopic;
      named?: ModuleId;
      dependent?: OutsideDependent;
      instance?: InstanceChoice;
    }
  | { kind: 'list'; lang: Lang; modules: ModuleEntry[] }
  | { kind: 'help'; lang: Lang }
  | { kind: 'invalid'; lang: Lang; reason: 'empty' | 'too-long' | 'no-text' | 'language' };
