import { fitSoftmax, type SparseVector } from './classifier.js';

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

/**
 * Fitted as a softmax over two classes, report and question, kept as the one logistic regression it amounts to:
 * each feature's weight for a question less its weight for a report.
 */
export function trainQuestionCheck(docs: readonly { vector: SparseVector; asks: boolean }[], featureCount: number): QuestionCheck {
  const { weights, bias } = fitSoftmax(
    docs.map((doc) => ({ vector: doc.vector, label: doc.asks ? 1 : 0 })),
    2,
    featureCount,
  );
  const questionWeights = new Float32Array(featureCount);
  for (let f = 0; f < featureCount; f += 1) questionWeights[f] = (weights[2 * f + 1] as number) - (weights[2 * f] as number);
  return { weights: questionWeights, bias: (bias[1] as number) - (bias[0] as number) };
}

/** The probability that the text of this vector is a question, not a report. */
export function questionProbability(check: QuestionCheck, { indices, values }: SparseVector): number {
  let logit = check.bias;
  for (let k = 0; k < indices.length; k += 1) logit += (check.weights[indices[k] as number] as number) * (values[k] as number);
  return 1 / (1 + Math.exp(-logit));
}
