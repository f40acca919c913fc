// The NLP.js counterpart of `campaign-module classify --jsonl`: JSON lines in, one answer line out per line.
import { createInterface } from 'node:readline';
import { classify, loadNlp } from './nlp.mjs';

const nlp = await loadNlp(process.argv[2]);
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim()) process.stdout.write(`${JSON.stringify(await classify(nlp, JSON.parse(line).text))}\n`);
}
