import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, parseLabelledJsonl } from '../../src/core/evaluate.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { createTriage } from '../../src/core/triage.js';
import type { Lang } from '../../src/core/types.js';
import { nearCopies } from './near-copies.js';

// The held-out section for Japanese, German and French: reports, how-to questions and chatter
// written blind (from the facts sheet, never from knowledge/); the matcher never trains on it.
// Figures are in the README.
const ROOT = join(import.meta.dirname, '../..');
const FILE = join(ROOT, 'test/data/dev-languages.jsonl');
const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const cases = parseLabelledJsonl(readFileSync(FILE, 'utf8'), FILE);
const report = evaluate(createTriage(knowledge), cases);
const NEW_LANGS: Lang[] = ['ja', 'de', 'fr'];
const TOP1_FLOOR: Record<string, number> = { ja: 0.95, de: 0.95, fr: 0.95 };
const ABSTENTION_FLOOR = 0.85;
const DETECTION_FLOOR = 0.97;

describe('accuracy on the held-out Japanese, German and French section', () => {
  it.each(NEW_LANGS)('%s: at least 80 lines, 15 %% of them how-to or chatter', (lang) => {
    const mine = cases.filter((c) => c.lang === lang);
    expect(mine.length).toBeGreaterThanOrEqual(80);
    expect(mine.filter((c) => c.expect.length === 0).length / mine.length).toBeGreaterThanOrEqual(0.15);
  });

  it('shares no phrasing with the examples the matcher learns from (no near-copies)', () => {
    expect(nearCopies(cases, knowledge)).toEqual([]);
  });

  it.each(NEW_LANGS)('%s: names the right module first in enough reports', (lang) => {
    expect(report.top1ByLang[lang].rate).toBeGreaterThanOrEqual(TOP1_FLOOR[lang] ?? 1);
  });

  it(`names no module for ≥ ${ABSTENTION_FLOOR * 100} % of how-to questions and chatter`, () => {
    expect(report.abstention.rate).toBeGreaterThanOrEqual(ABSTENTION_FLOOR);
  });

  it(`detects the language of ≥ ${DETECTION_FLOOR * 100} % of the lines`, () => {
    expect(report.langDetection.rate).toBeGreaterThanOrEqual(DETECTION_FLOOR);
  });
});
