import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SparseVector } from '../../src/core/classifier.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { questionProbability, trainQuestionCheck } from '../../src/core/question-check.js';
import { trainModel } from '../../src/core/train-model.js';
import { triageFromModel } from '../../src/core/triage.js';

const knowledge = loadKnowledge(join(import.meta.dirname, '../../knowledge'));
const model = trainModel(knowledge);
const triage = triageFromModel(model);
/** The same model, with the question check never taken. */
const withoutCheck = triageFromModel(model, { questionAt: 2 });

describe('trainQuestionCheck', () => {
  it('learns which features mark a question', () => {
    const vector = (...indices: number[]): SparseVector => ({ indices, values: indices.map(() => 1 / Math.sqrt(indices.length)) });
    const docs = [...Array.from({ length: 20 }, () => ({ vector: vector(0, 2), asks: true })), ...Array.from({ length: 20 }, () => ({ vector: vector(1, 2), asks: false }))];
    const check = trainQuestionCheck(docs, 3);
    expect(questionProbability(check, vector(0))).toBeGreaterThan(0.9);
    expect(questionProbability(check, vector(1))).toBeLessThan(0.1);
  });
});

describe('the question check', () => {
  it('loads the modules’ settings questions apart from their reports', () => {
    const questions = knowledge.modules.reduce((sum, m) => sum + m.questions.en.length + m.questions.ko.length, 0);
    expect(questions).toBeGreaterThan(200);
  });

  it.each([
    ['what unit is maxLogsSizeOnDiskMb in for trackinglogd, and what is its default on a redirection server?', 'trackinglogd'],
    ['웹 모듈 톰캣 maxThreads 기본값이 v7에서 얼마인가요?', 'web'],
  ])('answers a settings question the classifier gives its module as how-to, naming the module: %j', (text, module) => {
    expect(withoutCheck.diagnose(text).module).toBe(module);
    expect(triage.diagnose(text)).toMatchObject({ module: null, reason: 'howto', fits: module });
    expect(triage.reply(text).kind).toBe('howto');
  });

  it('leaves a failure put as a question, a pasted listing and a short follow-up to the classifier', () => {
    for (const text of [
      'why has trackinglogd@prod stopped writing the redirection logs since this morning?',
      'is this listing fine for the redirection server, what does it mean?\nweb@default (1234) - 180.2 MB\nsyslogd@default (1200) - 8.1 MB',
      'and what about the web module on mkt then?',
    ]) {
      expect(triage.diagnose(text)).toEqual(withoutCheck.diagnose(text));
    }
  });

  it('keeps the module card for a question that asks which module it is', () => {
    const text = 'who serves the console logins, web or wfserver?';
    expect(triage.reply(text)).toMatchObject({ kind: 'diagnosis', diagnosis: { module: 'web' } });
  });
});
