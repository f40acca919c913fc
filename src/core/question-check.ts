import { mulberry32, shuffle, type SparseVector } from './classifier.js';

/**
 * A second opinion for a text that asks about a module and names no trouble: is it a question the docs answer
 * (a setting, a default, what an output means) or a failure put as a question? The classifier cannot tell by
 * itself: a module's settings questions are its examples too, so they weigh for the module alone. This one is
 * trained on every report against every question, the modules' own settings questions among them, and reads
 * the classifier's features (one weight each), so it costs no second reading of the text.
 */
export interface QuestionCheck {
  weights: Float32Array;
  bias: number;
}

const EPOCHS = 20;
const LEARNING_RATE = 2;
const L2 = 1e-5;
const SEED = 7;

/** Logistic regression over the classifier's vectors: `asks` marks a question, the rest are reports. */
export function trainQuestionCheck(docs: readonly { vector: SparseVector; asks: boolean }[], featureCount: number): QuestionCheck {
  const weights = new Float64Array(featureCount);
  let bias = 0;
  const order = docs.map((_, i) => i);
  const random = mulberry32(SEED);
  for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
    shuffle(order, random);
    const rate = LEARNING_RATE / (1 + epoch * 0.1);
    for (const i of order) {
      const doc = docs[i];
      if (!doc) continue;
      const { indices, values } = doc.vector;
      const error = odds(weights, bias, doc.vector) - (doc.asks ? 1 : 0);
      bias -= rate * error * 0.1;
      for (let k = 0; k < indices.length; k += 1) {
        const f = indices[k] as number;
        const w = weights[f] as number;
        weights[f] = w - rate * (error * (values[k] as number) + L2 * w);
      }
    }
  }
  return { weights: Float32Array.from(weights), bias };
}

/** The probability that the text of this vector is a question, not a report. */
export function questionOdds(check: QuestionCheck, vector: SparseVector): number {
  return odds(check.weights, check.bias, vector);
}

function odds(weights: Float32Array | Float64Array, bias: number, { indices, values }: SparseVector): number {
  let logit = bias;
  for (let k = 0; k < indices.length; k += 1) logit += (weights[indices[k] as number] as number) * (values[k] as number);
  return 1 / (1 + Math.exp(-logit));
}
