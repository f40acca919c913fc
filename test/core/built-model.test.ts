import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { BUILT_MODEL, BUNDLED_KNOWLEDGE } from '../../src/core/load-model.js';
import { readModelFile, writeModelFile } from '../../src/core/model-file.js';
import { currentStamp, stampMatches } from '../../src/core/model-stamp.js';
import { trainModel } from '../../src/core/train-model.js';
import { createTriage, triageFromModel } from '../../src/core/triage.js';
import type { Localized } from '../../src/core/types.js';

const DATA = join(import.meta.dirname, '../data');
const texts = ['dev-set', 'dev-asked', 'dev-safe-answers'].flatMap((name) =>
  readFileSync(join(DATA, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text),
);
const scratch = mkdtempSync(join(tmpdir(), 'model-file-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The most examples any one feature's posting list holds. */
function longestPostingList(starts: Int32Array): number {
  let longest = 0;
  for (let f = 0; f + 1 < starts.length; f += 1) longest = Math.max(longest, (starts[f + 1] as number) - (starts[f] as number));
  return longest;
}

describe('the model built by npm run build', () => {
  const built = readModelFile(BUILT_MODEL);

  it('exists and was built from this knowledge and this code (run npm run build if not)', () => {
    const now = currentStamp(BUNDLED_KNOWLEDGE);
    expect(built && now && stampMatches(built.stamp, now)).toBe(true);
  });

  it('gives exactly the answers of a fresh training on every dev text', () => {
    if (!built) throw new Error(`${BUILT_MODEL} is missing: run npm run build`);
    const fromFile = triageFromModel(built.model);
    const fresh = createTriage(loadKnowledge(BUNDLED_KNOWLEDGE));
    const differing = texts.filter((text) => JSON.stringify(fromFile.diagnose(text)) !== JSON.stringify(fresh.diagnose(text)));
    expect(texts.length).toBeGreaterThan(800);
    expect(differing).toEqual([]);
  });

  it('indexes the nearest examples by their less common features only: none held by more than 3 % of them', () => {
    if (!built) throw new Error(`${BUILT_MODEL} is missing: run npm run build`);
    const { starts, labels } = built.model.examples;
    const longest = longestPostingList(starts);
    expect(longest).toBeGreaterThan(0);
    expect(longest).toBeLessThanOrEqual(0.03 * labels.length);
  });
});

describe('the nearest-example index of a small knowledge base', () => {
  it('keeps its features: leaving out the common ones only pays on long posting lists', () => {
    const knowledge = loadKnowledge(BUNDLED_KNOWLEDGE);
    const few = (examples: Localized<string[]>): Localized<string[]> => ({
      en: examples.en.slice(0, 2),
      ko: examples.ko.slice(0, 2),
      ja: examples.ja.slice(0, 2),
      de: examples.de.slice(0, 2),
      fr: examples.fr.slice(0, 2),
    });
    const small = {
      ...knowledge,
      modules: knowledge.modules.map((m) => ({ ...m, examples: few(m.examples), questions: few(m.questions) })),
      sharedSymptoms: knowledge.sharedSymptoms.map((p) => ({ ...p, examples: few(p.examples) })),
      offTopic: few(knowledge.offTopic),
      howTo: few(knowledge.howTo),
      outside: knowledge.outside.map((t) => ({ ...t, examples: few(t.examples) })),
    };
    const { starts, labels } = trainModel(small).examples;
    const longest = longestPostingList(starts);
    expect(labels.length).toBeLessThan(300);
    expect(longest).toBeGreaterThan(0.03 * labels.length);
  });
});

describe('the model file', () => {
  it('gives back, number for number, the model written to it', () => {
    const model = readModelFile(BUILT_MODEL)?.model ?? trainModel(loadKnowledge(BUNDLED_KNOWLEDGE));
    const path = join(scratch, 'model.bin');
    writeModelFile(path, model, { knowledge: 'k', code: 'c' });
    const read = readModelFile(path);
    expect(read?.stamp).toEqual({ knowledge: 'k', code: 'c' });
    // Node's own deep equality: vitest's toEqual takes 40 s on these 12 MB of typed arrays, this 0.03 s.
    expect(isDeepStrictEqual(read?.model, model)).toBe(true);
  });

  it('is not taken for a model when it is cut short or of another kind', () => {
    expect(readModelFile(join(scratch, 'missing.bin'))).toBeUndefined();
    const path = join(scratch, 'model.bin');
    const whole = readFileSync(path);
    for (const broken of [whole.subarray(0, whole.length - 100), Buffer.from('not a model')]) {
      const file = join(scratch, 'broken.bin');
      writeFileSync(file, broken);
      expect(readModelFile(file)).toBeUndefined();
    }
  });
});
