import { isInstanceName } from '../core/instance.js';
import type { Verdict } from '../core/feedback.js';
import { LANGS, MODULE_IDS, type Lang, type ModuleId } from '../core/types.js';

/**
 * What an Action.Submit button on our cards sends back as `activity.value`.
 * The renderer writes these and the Teams adapter reads them, so both sides share this one shape.
 */
export type CardAction = { action: 'feedback'; verdict: Verdict; module: ModuleId | null; lang: Lang } | { action: 'show-module'; module: ModuleId; lang: Lang; instance?: string };

/** Data for a Helpful / Not it button. */
export function feedbackAction(verdict: Verdict, module: ModuleId | null, lang: Lang): CardAction {
  return { action: 'feedback', verdict, module, lang };
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
    return feedbackAction(data.verdict, data.module, data.lang);
  }
  return undefined;
}
