import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, parseLabelledJsonl } from '../../src/core/evaluate.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { createTriage } from '../../src/core/triage.js';
import { nearCopies } from './near-copies.js';

// The held-out section for the situations where a wrong card does harm: pasted pdump listings,
// ticket links, long log pastes and instances named in the message. Written blind from the facts
// sheet; the matcher never trains on it. Figures are in the README.
const ROOT = join(import.meta.dirname, '../..');
const FILE = join(ROOT, 'test/data/dev-safe-answers.jsonl');
const cases = parseLabelledJsonl(readFileSync(FILE, 'utf8'), FILE);
// A configured default that no case names, so a card that falls back to it is caught.
const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const triage = createTriage(knowledge, {}, { instances: { configured: 'zz_default' } });

// Floors under the figures measured on this held-out section (README): listing 91 %, link 97 %,
// long log 80 %, instance 100 % top-1; the instance filled in right 90 %; off-topic 60 % abstained.
const TOP1_FLOOR: Record<string, number> = { listing: 0.85, link: 0.9, 'long-log': 0.75, instance: 0.9 };
const INSTANCE_FLOOR = 0.85;

describe('accuracy on the held-out safe-answers section', () => {
  it('shares no phrasing with the examples the matcher learns from (no near-copies)', () => {
    expect(nearCopies(cases, knowledge)).toEqual([]);
  });

  it.each(Object.entries(TOP1_FLOOR))('names the right module first for the %s reports (floor %s)', (section, floor) => {
    const report = evaluate(
      triage,
      cases.filter((c) => c.section === section),
    );
    expect(report.top1.total).toBeGreaterThanOrEqual(15);
    expect(report.top1.rate).toBeGreaterThanOrEqual(floor);
  });

  it('abstains on the off-topic lines that carry links or listings', () => {
    const report = evaluate(
      triage,
      cases.filter((c) => c.expect.length === 0),
    );
    expect(report.abstention.total).toBeGreaterThanOrEqual(10);
    expect(report.abstention.rate).toBeGreaterThanOrEqual(0.5);
  });

  it(`fills the instance the message names into the card in ≥ ${INSTANCE_FLOOR * 100} % of the cases that name one`, () => {
    const named = cases.filter((c) => c.instance !== undefined);
    expect(named.length).toBeGreaterThanOrEqual(60);
    const right = named.filter((c) => {
      const reply = triage.reply(c.text);
      return (reply.kind === 'diagnosis' || reply.kind === 'module') && reply.instance?.name === c.instance;
    });
    expect(right.length / named.length).toBeGreaterThanOrEqual(INSTANCE_FLOOR);
  });
});
