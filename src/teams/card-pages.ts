import type { Lang, ModuleEntry } from '../core/types.js';
import { heading, ifSubmitButtons, monospaceRun, paragraph, richText, run, sectionLabel, type CardNode } from './card-elements.js';
import { labelsFor } from '../render/labels.js';
import { showModuleAction } from './card-action.js';
import { invalidMessage, type InvalidReason } from '../render/invalid-message.js';

/** Every module with its scope; selecting a row shows that module's card, when the card's buttons come back to the bot. */
export function listBody(modules: ModuleEntry[], lang: Lang, submitButtons: boolean): CardNode[] {
  const labels = labelsFor(lang);
  const rows: CardNode[] = modules.map((entry) => ({
    type: 'Container',
    spacing: 'Small',
    ...(submitButtons && { selectAction: { type: 'Action.Submit', title: labels.showModule, data: showModuleAction(entry.id, lang) } }),
    items: [
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'auto', items: [richText([monospaceRun(entry.id, { weight: 'Bolder' })])] },
          { type: 'Column', width: 'stretch', items: [paragraph(entry.scope[lang])] },
        ],
      },
    ],
  }));
  return [heading(labels.listTitle), ...ifSubmitButtons(submitButtons, [paragraph(labels.listHint, { isSubtle: true, spacing: 'None' })]), ...rows];
}

/** What the bot does and a few things to ask; also the welcome card, under a greeting. */
export function helpBody(lang: Lang, greeting?: string): CardNode[] {
  const labels = labelsFor(lang);
  return [
    ...(greeting ? [paragraph(greeting, { weight: 'Bolder', spacing: 'None' })] : []),
    heading(labels.helpTitle),
    paragraph(labels.help),
    sectionLabel(labels.examplesTitle),
    ...labels.helpExamples.map((example) => richText([run('• '), monospaceRun(example)], { spacing: 'Small' })),
  ];
}

/** Input that could not be matched at all: empty, too long or without words. */
export function invalidBody(reason: InvalidReason, lang: Lang): CardNode[] {
  return [richText([run(invalidMessage(reason, lang))])];
}
