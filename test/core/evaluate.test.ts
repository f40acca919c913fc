import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, LabelledCaseError, parseLabelledJsonl, type Diagnoser } from '../../src/core/evaluate.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { createTriage } from '../../src/core/triage.js';
import type { Diagnosis, ModuleId } from '../../src/core/types.js';

const ROOT = join(import.meta.dirname, '../..');

function parseError(text: string): string {
  try {
    parseLabelledJsonl(text, 'set.jsonl');
  } catch (error) {
    if (error instanceof LabelledCaseError) {
      expect(error.code).toBe('LABELLED_CASE_INVALID');
      return error.message;
    }
    throw error;
  }
  throw new Error('expected parseLabelledJsonl to throw');
}

describe('parseLabelledJsonl', () => {
  it('reads cases with their line numbers, skipping blank lines and a BOM', () => {
    const text = '\uFEFF{"text":"mails stuck","expect":["mta","stat"],"lang":"en"}\n\n{"text":"점심 뭐 먹지","expect":[],"lang":"ko"}\r\n';
    expect(parseLabelledJsonl(text, 'set.jsonl')).toEqual([
      { text: 'mails stuck', expect: ['mta', 'stat'], lang: 'en', line: 1 },
      { text: '점심 뭐 먹지', expect: [], lang: 'ko', line: 3 },
    ]);
  });

  it.each([
    ['{"text": "a", "expect": [], "lang": "en"}\n{oops', /^set\.jsonl:2: not valid JSON \(.+\)$/],
    ['["a"]', /^set\.jsonl:1: expected a JSON object$/],
    ['{"text": "", "expect": [], "lang": "en"}', /^set\.jsonl:1: text: expected a non-empty string$/],
    ['{"text": 4, "expect": [], "lang": "en"}', /^set\.jsonl:1: text: expected a non-empty string$/],
    ['{"text": "a", "expect": "mta", "lang": "en"}', /^set\.jsonl:1: expect: expected an array of module ids/],
    ['{"text": "a", "expect": ["mta", "sylogd"], "lang": "en"}', /^set\.jsonl:1: expect\[1\]: unknown module "sylogd" \(expected one of export, /],
    ['{"text": "a", "expect": [], "lang": "es"}', /^set\.jsonl:1: lang: expected one of "en", "ko", "ja", "de", "fr", got "es"$/],
    ['{"text": "a", "expect": []}', /^set\.jsonl:1: lang: expected one of "en", "ko", "ja", "de", "fr", missing$/],
    ['\n  \n', /^set\.jsonl: no labelled cases/],
  ])('refuses %j with a message naming file and line', (text, message) => {
    expect(parseError(text)).toMatch(message);
  });
});

/** A diagnosis with only the fields evaluate reads. */
function diagnosis(module: ModuleId | null, candidates: ModuleId[], lang: 'en' | 'ko' = 'en'): Diagnosis {
  return {
    module,
    confidence: 0.8,
    also: [],
    candidates: candidates.map((m, i) => ({ module: m, score: 0.5 - i * 0.1 })),
    evidence: [],
    lang,
  };
}

/** Answers from a fixed table, so every rate below can be counted by hand. */
function tableDiagnoser(answers: Record<string, Diagnosis>): Diagnoser {
  return {
    diagnose(text) {
      const answer = answers[text];
      if (!answer) throw new Error(`no answer for ${text}`);
      return answer;
    },
  };
}

describe('evaluate, on lines labelled with a reason', () => {
  const cases = parseLabelledJsonl(
    [
      '{"text": "h1", "expect": [], "lang": "en", "reason": "howto"}',
      '{"text": "h2", "expect": [], "lang": "en", "reason": "howto"}',
      '{"text": "u1", "expect": [], "lang": "en", "reason": "off-topic"}',
      '{"text": "p1", "expect": [], "lang": "en"}',
    ].join('\n'),
    'set.jsonl',
  );
  const report = evaluate(
    tableDiagnoser({
      h1: { ...diagnosis(null, []), reason: 'howto' },
      h2: { ...diagnosis(null, []), reason: 'outside' },
      u1: { ...diagnosis(null, []), reason: 'unsure' },
      p1: { ...diagnosis(null, []), reason: 'howto' },
    }),
    cases,
  );

  it('counts an abstention for another reason as a miss everywhere, as docs/cli.md says; "not sure" counts as off-topic', () => {
    expect(report.overall).toEqual({ correct: 3, total: 4, rate: 0.75 });
    expect(report.abstention).toEqual({ correct: 3, total: 4, rate: 0.75 });
    expect(report.byReason.howto).toEqual({ correct: 1, total: 2, rate: 0.5 });
    expect(report.byReason['off-topic']).toEqual({ correct: 1, total: 1, rate: 1 });
    expect(report.misses).toEqual([expect.objectContaining({ line: 2, got: null, expectedReason: 'howto', gotReason: 'outside' })]);
  });
});

describe('evaluate', () => {
  const cases = parseLabelledJsonl(
    [
      '{"text": "e1", "expect": ["mta"], "lang": "en"}',
      '{"text": "e2", "expect": ["mta", "stat"], "lang": "en"}',
      '{"text": "e3", "expect": ["web"], "lang": "en"}',
      '{"text": "e4", "expect": ["syslogd"], "lang": "en"}',
      '{"text": "k1", "expect": ["wfserver"], "lang": "ko"}',
      '{"text": "o1", "expect": [], "lang": "en"}',
      '{"text": "o2", "expect": [], "lang": "ko"}',
    ].join('\n'),
    'set.jsonl',
  );
  const triage = tableDiagnoser({
    e1: diagnosis('mta', ['mta', 'stat']),
    e2: diagnosis('stat', ['stat', 'mta']),
    e3: diagnosis('tracking', ['tracking', 'trackinglogd', 'web']),
    e4: diagnosis(null, ['web', 'mta', 'stat']),
    k1: diagnosis('wfserver', ['wfserver'], 'en'),
    o1: diagnosis(null, ['mta']),
    o2: diagnosis('web', ['web'], 'ko'),
  });
  const report = evaluate(triage, cases);

  it('counts top-1 over on-topic cases, overall and per language; any expected module is right', () => {
    expect(report.cases).toBe(7);
    expect(report.top1).toEqual({ correct: 3, total: 5, rate: 0.6 });
    expect(report.top1ByLang.en).toEqual({ correct: 2, total: 4, rate: 0.5 });
    expect(report.top1ByLang.ko).toEqual({ correct: 1, total: 1, rate: 1 });
  });

  it('counts abstention on off-topic cases and false abstention on on-topic ones', () => {
    expect(report.abstention).toEqual({ correct: 1, total: 2, rate: 0.5 });
    expect(report.abstentionByLang.en.rate).toBe(1);
    expect(report.abstentionByLang.ko.rate).toBe(0);
    expect(report.falseAbstention).toEqual({ correct: 1, total: 5, rate: 0.2 });
    expect(report.overall).toEqual({ correct: 4, total: 7, rate: 4 / 7 });
  });

  it('counts top-3 and language detection', () => {
    expect(report.top3).toEqual({ correct: 4, total: 5, rate: 0.8 });
    expect(report.langDetection).toEqual({ correct: 6, total: 7, rate: 6 / 7 });
  });

  it('fills the confusion matrix with a right answer under the module given', () => {
    expect(report.confusion.mta.mta).toBe(1);
    expect(report.confusion.stat.stat).toBe(1);
    expect(report.confusion.web.tracking).toBe(1);
    expect(report.confusion.syslogd.none).toBe(1);
    expect(report.confusion.none.none).toBe(1);
    expect(report.confusion.none.web).toBe(1);
    const total = Object.values(report.confusion).reduce((sum, row) => sum + Object.values(row).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(7);
  });

  it('lists every miss with line, expectation, answer and the first candidates', () => {
    expect(report.misses.map((m) => [m.line, m.expected, m.got])).toEqual([
      [3, ['web'], 'tracking'],
      [4, ['syslogd'], null],
      [7, [], 'web'],
    ]);
    expect(report.misses[0]?.candidates.map((c) => c.module)).toEqual(['tracking', 'trackinglogd', 'web']);
  });

  it('gives rate 0 to an empty group so a floor on it cannot pass by accident', () => {
    const onlyEnglish = evaluate(
      triage,
      cases.filter((c) => c.text === 'e1'),
    );
    expect(onlyEnglish.top1ByLang.ko).toEqual({ correct: 0, total: 0, rate: 0 });
    expect(onlyEnglish.abstention.rate).toBe(0);
  });

  it('scores the real triage on a small labelled file', () => {
    const file = join(ROOT, 'test/fixtures/eval-small.jsonl');
    const real = evaluate(createTriage(loadKnowledge(join(ROOT, 'knowledge'))), parseLabelledJsonl(readFileSync(file, 'utf8'), file));
    expect(real.cases).toBe(10);
    expect(real.top1.total).toBe(7);
    expect(real.abstention.total).toBe(3);
    expect(real.top1.correct + real.abstention.correct + real.misses.length).toBe(10);
    expect(real.langDetection.rate).toBe(1);
  });
});
