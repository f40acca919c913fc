import { z } from 'zod';
import { MODULE_IDS } from './types.js';

const text = z.string().trim().min(1, 'must not be empty');
const localizedText = z.strictObject({ en: text, ko: text });
const textList = (min: number) => z.array(text).min(min, `needs at least ${min} entries`);
const moduleId = z.enum(MODULE_IDS);

/** Shape of knowledge/<module>.yaml; the loader adds the cross-field checks. */
export const moduleFileSchema = z.strictObject({
  id: moduleId,
  type: z.enum(['mono', 'multi', 'utility']),
  name: localizedText,
  aliases: z.array(text),
  scope: localizedText,
  summary: localizedText,
  remediation: z.strictObject({ en: textList(1), ko: textList(1) }),
  commands: z.array(z.strictObject({ run: text, why: localizedText })).min(1, 'needs at least 1 entries'),
  logs: z.array(text),
  docs: z
    .array(z.strictObject({ title: localizedText, url: z.url({ protocol: /^https$/, error: 'expected an https URL' }) }))
    .min(1, 'needs at least 1 entries'),
  related: z.array(moduleId),
  examples: z.strictObject({ en: textList(5), ko: textList(5) }),
});

/** Shape of knowledge/off-topic.yaml. */
export const offTopicFileSchema = z.strictObject({
  examples: z.strictObject({ en: textList(5), ko: textList(5) }),
});

/** Shape of knowledge/glossary.yaml: concept name → spellings. */
export const glossaryFileSchema = z.strictObject({
  concepts: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'concept names are lower-case words joined by hyphens'), z.array(text).min(1, 'needs at least 1 entries')),
});

/** Shape of knowledge/shared-symptoms.yaml: pairs of modules and the reports that fit both. */
export const sharedSymptomsFileSchema = z.strictObject({
  pairs: z.array(
    z.strictObject({
      modules: z.tuple([moduleId, moduleId]).refine(([a, b]) => a !== b, 'the two modules must differ'),
      examples: z.strictObject({ en: textList(3), ko: textList(3) }),
    }),
  ),
});

export type ModuleFile = z.infer<typeof moduleFileSchema>;
