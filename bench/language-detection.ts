// Language detection for Latin-script messages: our word-and-letter score against tinyld and
// franc-min, on the knowledge examples in English, German and French (short ones separately, where
// English product terms weigh most). `npm run bench:languages`.
import { join } from 'node:path';
import { franc } from 'franc-min';
import { detect as tinyld } from 'tinyld';
import { loadKnowledge } from '../src/core/knowledge.js';
import { writtenLanguage } from '../src/core/language.js';
import { normalizeText } from '../src/core/normalize.js';
import { exampleCount, type Localized } from '../src/core/types.js';

type Latin = 'en' | 'de' | 'fr';
const LATIN: Latin[] = ['en', 'de', 'fr'];
const FRANC_CODES: Record<string, Latin> = { eng: 'en', deu: 'de', fra: 'fr' };

const detectors: Record<string, (text: string) => string> = {
  'ours (function words, letters)': (text) => writtenLanguage(text),
  'tinyld (only en/de/fr)': (text) => tinyld(text, { only: LATIN }) || 'en',
  'franc-min (only eng/deu/fra)': (text) => FRANC_CODES[franc(text, { only: Object.keys(FRANC_CODES), minLength: 1 })] ?? 'en',
};

const knowledge = loadKnowledge(join(import.meta.dirname, '../knowledge'));
const sets: Localized<string[]>[] = [...knowledge.modules.map((m) => m.examples), knowledge.offTopic, knowledge.howTo, ...knowledge.outside.map((t) => t.examples)];
const cases = sets.flatMap((set) => LATIN.flatMap((lang) => set[lang].map((text) => ({ text: normalizeText(text), lang }))));
const short = cases.filter((c) => c.text.split(/\s+/).length <= 6);
console.log(`${cases.length} Latin-script examples of ${sets.reduce((n, s) => n + exampleCount(s), 0)}; ${short.length} of at most six words\n`);
console.log(`${'detector'.padEnd(32)}${LATIN.map((l) => l.padStart(9)).join('')}${'all'.padStart(9)}${'short'.padStart(9)}${'µs/msg'.padStart(9)}`);
for (const [name, detect] of Object.entries(detectors)) {
  const rate = (list: typeof cases) => `${((100 * list.filter((c) => detect(c.text) === c.lang).length) / Math.max(1, list.length)).toFixed(1)}%`;
  const started = process.hrtime.bigint();
  for (const c of cases) detect(c.text);
  const micros = Number(process.hrtime.bigint() - started) / 1000 / cases.length;
  console.log(
    `${name.padEnd(32)}${LATIN.map((l) => rate(cases.filter((c) => c.lang === l)).padStart(9)).join('')}${rate(cases).padStart(9)}${rate(short).padStart(9)}${micros.toFixed(1).padStart(9)}`,
  );
}
