// NLP.js (@nlpjs/basic, with its Korean package) as a deployed NLP.js bot runs it: one container, English and Korean, a saved model.
import { readFileSync } from 'node:fs';
import { containerBootstrap, LangEn, Nlp } from '@nlpjs/basic';
import { LangKo } from '@nlpjs/lang-ko';

/** An NLP.js pipeline ready to train, or to import a saved model. */
export async function createNlp() {
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangEn);
  container.use(LangKo);
  const nlp = container.get('nlp');
  nlp.settings.autoSave = false;
  nlp.settings.log = false;
  nlp.addLanguage('en');
  nlp.addLanguage('ko');
  return nlp;
}

/** NLP.js loaded from the model file that bench/nlpjs/train.ts saved. */
export async function loadNlp(path) {
  const nlp = await createNlp();
  nlp.import(readFileSync(path, 'utf8'));
  return nlp;
}

/** Korean when the text holds Hangul, as a bot in front of NLP.js would pick the language. */
export function languageOf(text) {
  return /[\uAC00-\uD7A3]/.test(text) ? 'ko' : 'en';
}

/** The answer the way classify --jsonl gives one: the intent (module or none) and its score. */
export async function classify(nlp, text) {
  const result = await nlp.process(languageOf(text), text);
  return { module: result.intent === 'None' || result.intent === 'off-topic' ? null : result.intent, confidence: result.score };
}
