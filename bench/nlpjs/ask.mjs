// The NLP.js counterpart of `campaign-module ask TEXT`: load the saved model, answer one question, exit.
import { classify, loadNlp } from './nlp.mjs';

const [model, text] = process.argv.slice(2);
const nlp = await loadNlp(model);
process.stdout.write(`${JSON.stringify(await classify(nlp, text))}\n`);
