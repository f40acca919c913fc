import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, parseLabelledJsonl } from '../../src/core/evaluate.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { createTriage } from '../../src/core/triage.js';
import { nearCopies } from './near-copies.js';

const ROOT = join(import.meta.dirname, '../..');
// The first dev set, and a second set of reports written blind later and added to it unconditionally, before any model read them.
// The first set was written when the only answers were a module or off-topic; its 72 questions about settings with nothing
// broken were relabelled how-to (`was` keeps the old label) by a reader who applied the definition and saw no answer.
const DEV_FILES = ['test/data/dev-set.jsonl', 'test/data/dev-reports-2.jsonl'].map((file) => join(ROOT, file));
const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const cases = DEV_FILES.flatMap((file) => parseLabelledJsonl(readFileSync(file, 'utf8'), file));

// Floors on the held-out dev set, which the matcher never trains on (see the leak check below).
// The issue asks for 0.95 top-1 in each language and 0.9 abstention; the README has the measured figures.
const TOP1_FLOOR = 0.95;
const ABSTENTION_FLOOR = 0.9;

describe('accuracy on the held-out dev set', () => {
  const triage = createTriage(knowledge);
  const report = evaluate(triage, cases);

  it('is a real held-out set: large enough, ≥ 40 % Korean, ≥ 20 off-topic', () => {
    expect(cases.length).toBeGreaterThanOrEqual(800);
    expect(cases.filter((c) => c.lang === 'ko').length / cases.length).toBeGreaterThanOrEqual(0.4);
    expect(cases.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  it('shares no phrasing with the examples the matcher learns from (no near-copies)', () => {
    expect(nearCopies(cases, knowledge)).toEqual([]);
  });

  it(`names the right module first in ≥ ${TOP1_FLOOR * 100} % of English reports`, () => {
    expect(report.top1ByLang.en.rate).toBeGreaterThanOrEqual(TOP1_FLOOR);
  });

  it(`names the right module first in ≥ ${TOP1_FLOOR * 100} % of Korean reports`, () => {
    expect(report.top1ByLang.ko.rate).toBeGreaterThanOrEqual(TOP1_FLOOR);
  });

  it(`abstains on ≥ ${ABSTENTION_FLOOR * 100} % of off-topic messages`, () => {
    const offTopic = cases.filter((c) => c.expect.length === 0 && !c.reason);
    expect(evaluate(triage, offTopic).abstention.rate).toBeGreaterThanOrEqual(ABSTENTION_FLOOR);
  });
});
