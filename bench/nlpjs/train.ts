// `node --import tsx bench/nlpjs/train.ts KNOWLEDGE_DIR MODEL_FILE`: trains NLP.js on the same knowledge
// examples as the matcher (each module, off-topic, shared symptoms under their first module, how-to and
// outside topics as "no module") and saves its model to a file. A process of its own, as a deployed NLP.js
// bot is trained: its export adds RegExp.prototype.toJSON, which turns off V8's fast paths for every
// regular expression in the process that trained it.
import { writeFileSync } from 'node:fs';
import { loadKnowledge } from '../../src/core/knowledge.js';
import type { Knowledge } from '../../src/core/types.js';
// @ts-expect-error: plain JavaScript beside this file, shared with the whole-process scripts
import { createNlp } from './nlp.mjs';

const NO_MODULE = 'off-topic';

async function trainNlp(knowledge: Knowledge, path: string): Promise<void> {
  const nlp = await createNlp();
  const add = (examples: { en: string[]; ko: string[] }, intent: string) => {
    for (const text of examples.en) nlp.addDocument('en', text, intent);
    for (const text of examples.ko) nlp.addDocument('ko', text, intent);
  };
  for (const entry of knowledge.modules) add(entry.examples, entry.id);
  add(knowledge.offTopic, NO_MODULE);
  for (const pair of knowledge.sharedSymptoms) add(pair.examples, pair.modules[0]);
  add(knowledge.howTo, NO_MODULE);
  for (const topic of knowledge.outside) add(topic.examples, NO_MODULE);
  // Its trainer prints every epoch on stdout: not part of what the bench reports.
  const print = console.log;
  console.log = () => {};
  try {
    await nlp.train();
  } finally {
    console.log = print;
  }
  writeFileSync(path, nlp.export(true));
}

const [knowledgeDir, modelFile] = process.argv.slice(2);
if (!knowledgeDir || !modelFile) throw new Error('usage: node --import tsx bench/nlpjs/train.ts KNOWLEDGE_DIR MODEL_FILE');
await trainNlp(loadKnowledge(knowledgeDir), modelFile);
