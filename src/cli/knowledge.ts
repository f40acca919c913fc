import { relative } from 'node:path';
import { exampleCount, type Knowledge, type Lang } from '../core/types.js';
import { renderTerminal } from './terminal.js';
import { loadTriage, write, type CliContext } from './context.js';
import { EXIT } from './help.js';

/** One line summing up what the knowledge holds, e.g. for `kb check`. */
export function describeKnowledge(knowledge: Knowledge, shownDir: string): string {
  const count = (lang: Lang): number => knowledge.modules.reduce((sum, m) => sum + m.examples[lang].length, 0);
  const steps = knowledge.modules.reduce((sum, m) => sum + m.remediation.en.length, 0);
  const commands = knowledge.modules.reduce((sum, m) => sum + m.commands.length, 0);
  const offTopic = exampleCount(knowledge.offTopic);
  const howTo = exampleCount(knowledge.howTo);
  const settings = knowledge.modules.reduce((sum, m) => sum + exampleCount(m.questions), 0);
  const outside = knowledge.outside.reduce((sum, t) => sum + exampleCount(t.examples), 0);
  return (
    `OK ${shownDir}: ${knowledge.modules.length} modules, ${steps} remediation steps, ${commands} commands, ` +
    `${count('en')} English and ${count('ko')} Korean examples (and ${count('ja')} Japanese, ${count('de')} German, ${count('fr')} French), ${offTopic} off-topic examples, ` +
    `${howTo} how-to questions, ${settings} questions about modules' settings, ${outside} outside-the-modules examples in ${knowledge.outside.length} topics`
  );
}

/** `kb check`: validates knowledge/ exactly as start-up does; a problem surfaces as KnowledgeError (exit 1). */
export async function runKbCheck(context: CliContext): Promise<number> {
  // YAML and the schema load only for the commands that read the files themselves.
  const { loadKnowledge } = await import('../core/knowledge.js');
  const knowledge = loadKnowledge(context.knowledgeDir);
  const fromHere = relative(process.cwd(), context.knowledgeDir);
  const shown = fromHere === '' ? '.' : fromHere.startsWith('..') ? context.knowledgeDir : fromHere;
  await write(context.streams.stdout, `${describeKnowledge(knowledge, shown)}\n`);
  return EXIT.ok;
}

/** `list`: every module with its one-line execution scope, from the saved model as `ask` reads it (the YAML takes three times as long). */
export async function runList(context: CliContext, lang: Lang = 'en'): Promise<number> {
  const { knowledge } = await loadTriage(context);
  const text = renderTerminal({ kind: 'list', lang, modules: knowledge.modules }, { knowledge, color: context.color, width: context.width });
  await write(context.streams.stdout, `${text}\n`);
  return EXIT.ok;
}
