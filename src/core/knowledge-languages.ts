import { KnowledgeError } from './knowledge-files.js';
import type { ModuleFile, OutsideFile } from './knowledge-schema.js';
import { type Localized, OPTIONAL_LANGS } from './types.js';

type SomeLanguages<T> = { en: T; ko: T } & { [L in (typeof OPTIONAL_LANGS)[number]]?: T };
type Texts = { field: string; value: SomeLanguages<string> }[];

/**
 * A module (or outside topic) that has any text in Japanese, German or French must have all of
 * it in that language, so a card never switches language halfway.
 */
function checkComplete(label: string, texts: Texts, steps?: SomeLanguages<string[]>): void {
  const has = OPTIONAL_LANGS.filter((lang) => texts.some((t) => t.value[lang] !== undefined) || steps?.[lang] !== undefined);
  for (const lang of has) {
    for (const { field, value } of texts) if (value[lang] === undefined) throw new KnowledgeError(label, `${field}.${lang}`, 'missing');
    if (!steps) continue;
    const own = steps[lang];
    if (own === undefined) throw new KnowledgeError(label, `remediation.${lang}`, `missing (en has ${steps.en.length} steps)`);
    if (own.length !== steps.en.length) throw new KnowledgeError(label, `remediation.${lang}`, `has ${own.length} steps, en has ${steps.en.length}`);
  }
}

/** Fills the languages a text leaves out with its English, so every card can be shown in every language. */
function filled<T>(value: SomeLanguages<T>): Localized<T> {
  return { ja: value.en, de: value.en, fr: value.en, ...value };
}

/** Examples a file leaves out in a language are simply none. */
export function allExamples(value: SomeLanguages<string[]>): Localized<string[]> {
  return { ja: [], de: [], fr: [], ...value };
}

function moduleTexts(data: ModuleFile): Texts {
  return [
    { field: 'name', value: data.name },
    { field: 'scope', value: data.scope },
    { field: 'summary', value: data.summary },
    ...data.commands.flatMap((command, i) => [
      { field: `commands[${i}].why`, value: command.why },
      ...(command.caution ? [{ field: `commands[${i}].caution`, value: command.caution }] : []),
    ]),
    ...data.docs.map((doc, i) => ({ field: `docs[${i}].title`, value: doc.title })),
  ];
}

/** A module file's texts, checked for complete translations and filled in every language. */
export function moduleInAllLanguages(data: ModuleFile, label: string) {
  checkComplete(label, moduleTexts(data), data.remediation);
  return {
    ...data,
    name: filled(data.name),
    scope: filled(data.scope),
    summary: filled(data.summary),
    remediation: filled(data.remediation),
    commands: data.commands.map((c) => ({ run: c.run, why: filled(c.why), ...(c.caution && { caution: filled(c.caution) }) })),
    docs: data.docs.map((d) => ({ url: d.url, title: filled(d.title) })),
    examples: allExamples(data.examples),
    questions: allExamples(data.questions ?? { en: [], ko: [] }),
  };
}

/** An outside topic's texts, checked and filled the same way. */
export function topicInAllLanguages(topic: OutsideFile['topics'][number], index: number, label: string) {
  const texts: Texts = [
    { field: `topics[${index}].title`, value: topic.title },
    { field: `topics[${index}].says`, value: topic.says },
    ...(topic.dependentWhy ? [{ field: `topics[${index}].dependentWhy`, value: topic.dependentWhy }] : []),
  ];
  checkComplete(label, texts);
  const { dependentWhy, ...rest } = topic;
  return {
    ...rest,
    title: filled(topic.title),
    says: filled(topic.says),
    ...(dependentWhy && { dependentWhy: filled(dependentWhy) }),
    examples: allExamples(topic.examples),
  };
}
