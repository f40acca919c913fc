import { correctionChoices } from '../core/feedback.js';
import type { Lang, ModuleId } from '../core/types.js';
import { escapeSlack } from '../render/escape.js';
import { labelsFor } from '../render/labels.js';
import { CORRECTION_BLOCK_ID, encodeCorrection, SLACK_ACTIONS } from './actions.js';
import { context, type ContextBlock, menu, type MenuBlock } from './block-kit.js';
import type { ReturnedBlock } from './feedback-ack.js';

/** After "Not it": a menu of the card's candidates, then every module, that records the right one with the verdict. */
export function correctionMenu(verdictId: string, candidates: readonly ModuleId[] | undefined, lang: Lang, voter: string): MenuBlock {
  const labels = labelsFor(lang);
  const { suggested, others } = correctionChoices(candidates);
  const option = (module: ModuleId) => ({ text: module, value: encodeCorrection({ verdictId, module, lang, voter }) });
  return menu(CORRECTION_BLOCK_ID, SLACK_ACTIONS.correctModule, labels.whichModule, [
    { label: labels.candidatesGroup, options: suggested.map(option) },
    { label: labels.allModulesGroup, options: others.map(option) },
  ]);
}

/** The line that replaces the menu once a module is picked. */
export function correctionNoted(module: ModuleId, lang: Lang): ContextBlock {
  return context([`✏️ ${escapeSlack(labelsFor(lang).correctionThanks(module))}`], CORRECTION_BLOCK_ID);
}

/** The card with its menu replaced by the "noted" line; undefined when the payload carries no menu (an ephemeral message). */
export function acknowledgeCorrection(blocks: readonly ReturnedBlock[] | undefined, module: ModuleId, lang: Lang): ReturnedBlock[] | undefined {
  if (!blocks?.some((b) => b.block_id === CORRECTION_BLOCK_ID)) return undefined;
  const noted: ReturnedBlock = { ...correctionNoted(module, lang) };
  return blocks.map((b) => (b.block_id === CORRECTION_BLOCK_ID ? noted : b));
}
