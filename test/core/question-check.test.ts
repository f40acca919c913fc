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
  const vector = (...indices: number[]): SparseVector => ({ indices, values: indices.map(() => 1 / Math.sqrt(indices.length)) });

  it('learns which classifier features mark a question', () => {
    const docs = [
      ...Array.from({ length: 20 }, () => ({ vector: vector(0, 2), form: [], asks: true })),
      ...Array.from({ length: 20 }, () => ({ vector: vector(1, 2), form: [], asks: false })),
    ];
    const check = trainQuestionCheck(docs, 3);
    expect(questionProbability(check, vector(0), [])).toBeGreaterThan(0.9);
    expect(questionProbability(check, vector(1), [])).toBeLessThan(0.1);
  });

  it('learns from the form when the classifier features are the same', () => {
    const docs = [
      ...Array.from({ length: 20 }, () => ({ vector: vector(0), form: ['s:can i', 'w:can'], asks: true })),
      ...Array.from({ length: 20 }, () => ({ vector: vector(0), form: ['w:since', 'w:has'], asks: false })),
    ];
    const check = trainQuestionCheck(docs, 1);
    expect(questionProbability(check, vector(0), ['s:can i', 'w:can'])).toBeGreaterThan(0.9);
    expect(questionProbability(check, vector(0), ['w:since', 'w:has'])).toBeLessThan(0.1);
    // A form feature it never saw in two texts is not kept, and counts for nothing.
    expect(questionProbability(check, vector(0), ['w:unseen'])).toBeCloseTo(questionProbability(check, vector(0), []), 6);
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
    // Words that also name trouble ("bounce", "반송") no longer hide a question: the form says it asks.
    ['is it safe to lower the delay between two bounce mailbox reads, and what is it by default?', 'inMail'],
    ['반송 메일함을 몇 분마다 읽는지 기본값이 뭔가요? 줄여도 괜찮은지 궁금해요', 'inMail'],
  ])('answers a settings question the classifier gives its module as how-to, naming the module: %j', (text, module) => {
    expect(withoutCheck.diagnose(text).module).toBe(module);
    expect(triage.diagnose(text)).toMatchObject({ module: null, reason: 'howto', fits: module });
    expect(triage.reply(text).kind).toBe('howto');
  });

  it('leaves a failure put as a question, a pasted listing and a short follow-up to the classifier', () => {
    for (const text of [
      'why has trackinglogd@prod stopped writing the redirection logs since this morning?',
      'why are all the deliveries stuck in pending since noon, is the mta down?',
      'import 가 아침부터 모든 줄을 거부하는데 왜 그런가요?',
      'is this listing fine for the redirection server, what does it mean?\nweb@default (1234) - 180.2 MB\nsyslogd@default (1200) - 8.1 MB',
      'and what about the web module on mkt then?',
    ]) {
      expect(triage.diagnose(text)).toEqual(withoutCheck.diagnose(text));
    }
  });

  it('weighs a question that quotes a command naming module@instance: the writer’s own words, not a paste', () => {
    // A named module@instance scores the module near 1: the check must then be surer (questionAtSure), and is.
    const text = 'after adding TMPDIR to customer.sh, is nlserver restart mta@prod enough for it to take effect, or does the whole service need a restart?';
    expect(triage.diagnose(text)).toMatchObject({ module: null, reason: 'howto', fits: 'mta' });
    expect(triageFromModel(model, { questionAtSure: 2 }).diagnose(text)).toMatchObject({ module: 'mta' });
  });

  it('keeps the module card for a question that asks which module it is', () => {
    const text = 'who serves the console logins, web or wfserver?';
    expect(triage.reply(text)).toMatchObject({ kind: 'diagnosis', diagnosis: { module: 'web' } });
  });
});
