import { z } from 'zod';
import { MODULE_IDS } from './types.js';

// Limits on what a knowledge file may hold. Today's largest file is about 62 KB, the longest text
// about 400 characters (a command) and the largest example list 431 entries (off-topic.yaml, en).
// Each limit sits well above that so honest growth never hits it, yet a runaway file (a 62 MB
// paste, a generated corpus, a whole log as one example) fails at load in milliseconds instead of
// costing minutes and gigabytes of start-up: the matcher trains on every example at boot.
/** Longest single text (step, command, example…), in characters. */
export const MAX_TEXT_CHARS = 2_000;
/** Most examples per language in one module, off-topic or shared-symptom entry. */
export const MAX_EXAMPLES = 2_000;
/** Most YAML alias expansions per file: enough for a shared block or two, far below a "billion laughs" bomb. */
export const MAX_ALIAS_COUNT = 100;

const text = z.string().trim().min(1, 'must not be empty').max(MAX_TEXT_CHARS);
// English and Korean are required everywhere; Japanese, German and French may be left out (see knowledge-languages.ts).
const localizedText = z.strictObject({ en: text, ko: text, ja: text.optional(), de: text.optional(), fr: text.optional() });
const textList = (min: number) => z.array(text).min(min, `needs at least ${min} ${min === 1 ? 'entry' : 'entries'}`);
const exampleList = (min: number) => textList(min).max(MAX_EXAMPLES);
const examples = (min: number) =>
  z.strictObject({ en: exampleList(min), ko: exampleList(min), ja: exampleList(0).optional(), de: exampleList(0).optional(), fr: exampleList(0).optional() });
const moduleId = z.enum(MODULE_IDS);

/** Shape of knowledge/<module>.yaml; the loader adds the cross-field checks. */
export const moduleFileSchema = z.strictObject({
  id: moduleId,
  type: z.enum(['mono', 'multi', 'utility']),
  name: localizedText,
  aliases: z.array(text),
  scope: localizedText,
  summary: localizedText,
  remediation: z.strictObject({ en: textList(1), ko: textList(1), ja: textList(1).optional(), de: textList(1).optional(), fr: textList(1).optional() }),
  commands: z.array(z.strictObject({ run: text, why: localizedText, caution: localizedText.optional() })).min(1, 'needs at least 1 entry'),
  logs: z.array(text),
  docs: z.array(z.strictObject({ title: localizedText, url: z.url({ protocol: /^https$/, error: 'expected an https URL' }) })).min(1, 'needs at least 1 entry'),
  related: z.array(moduleId),
  examples: examples(5),
  questions: examples(0).optional(),
});

/** Shape of knowledge/off-topic.yaml. */
export const offTopicFileSchema = z.strictObject({
  examples: examples(5),
});

/** Shape of knowledge/glossary.yaml: concept name → spellings. */
export const glossaryFileSchema = z.strictObject({
  concepts: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'concept names are lower-case words joined by hyphens'), z.array(text).min(1, 'needs at least 1 entry')),
});

/** Shape of knowledge/shared-symptoms.yaml: pairs of modules and the reports that fit both. */
export const sharedSymptomsFileSchema = z.strictObject({
  pairs: z.array(
    z.strictObject({
      modules: z.tuple([moduleId, moduleId]).refine(([a, b]) => a !== b, 'the two modules must differ'),
      examples: examples(3),
    }),
  ),
});

/** Shape of knowledge/howto.yaml: questions about using Campaign, which no module failure explains. */
export const howToFileSchema = z.strictObject({
  examples: examples(5),
});

/** Shape of knowledge/outside.yaml: what lies outside the modules (database, network, host, third parties). */
export const outsideFileSchema = z.strictObject({
  topics: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'topic ids are lower-case words joined by hyphens'),
      title: localizedText,
      says: localizedText,
      dependent: moduleId.optional(),
      dependentWhy: localizedText.optional(),
      examples: examples(5),
    }),
  ),
});

export type ModuleFile = z.infer<typeof moduleFileSchema>;
export type OutsideFile = z.infer<typeof outsideFileSchema>;
