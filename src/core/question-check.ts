import { compareNames, fitSoftmax, inverseDocumentFrequency, type SparseVector, termWeight, toUnitLength } from './classifier.js';
import { FeatureNames } from './feature-names.js';

/**
 * A second opinion for a text that asks about a module: is it a question the docs answer (a setting, a default,
 * what an output means, how to do planned work) or a failure put as a question? The classifier cannot tell by
 * itself: a module's settings questions are its examples too, so they weigh for the module alone, and its
 * features drop the small words that tell "can I raise the reject limit?" from "the import rejects every line".
 * This one is trained on every report against every question, the modules' own settings questions among them,
 * and reads the classifier's features (one weight each, no second reading) beside the text's form (question-form.ts).
 */
export interface QuestionCheck {
  /** The form features found in at least two training texts, sorted, and their inverse document frequency. */
  form: FeatureNames;
  formIdf: Float32Array;
  /** One weight per classifier feature, then one per form feature. */
  weights: Float32Array;
  bias: number;
}

/** A form feature of a single training text says nothing general, and would only make the model file larger. */
const FORM_MIN_TEXTS = 2;
/**
 * The share of the check's vector the form takes (its length; the classifier's features take the rest). Chosen on
 * the tuning sets: 0.9 gets two to three more how-to questions and two more reports right than equal halves (0.71),
 * which cross-validation finds as good.
 */
const FORM_SHARE = 0.9;
const CLASSIFIER_SHARE = Math.sqrt(1 - FORM_SHARE * FORM_SHARE);

/**
 * Fitted as a softmax over two classes, report and question, kept as the one logistic regression it amounts to:
 * each feature's weight for a question less its weight for a report.
 */
export function trainQuestionCheck(docs: readonly { vector: SparseVector; form: readonly string[]; asks: boolean }[], featureCount: number): QuestionCheck {
  const textsHolding = new Map<string, number>();
  for (const doc of docs) for (const f of new Set(doc.form)) textsHolding.set(f, (textsHolding.get(f) ?? 0) + 1);
  const names = [...textsHolding]
    .filter(([, count]) => count >= FORM_MIN_TEXTS)
    .map(([name]) => name)
    .sort(compareNames);
  const formIdf = Float32Array.from(names, (name) => inverseDocumentFrequency(docs.length, textsHolding.get(name) ?? 0));
  const unfitted: QuestionCheck = { form: FeatureNames.fromSorted(names), formIdf, weights: new Float32Array(featureCount + names.length), bias: 0 };
  const { weights, bias } = fitSoftmax(
    docs.map((doc) => ({ vector: bothVectors(unfitted, doc.vector, doc.form), label: doc.asks ? 1 : 0 })),
    2,
    unfitted.weights.length,
  );
  for (let f = 0; f < unfitted.weights.length; f += 1) unfitted.weights[f] = (weights[2 * f + 1] as number) - (weights[2 * f] as number);
  return { ...unfitted, bias: (bias[1] as number) - (bias[0] as number) };
}

/** The probability that a text is a question, not a report, from its classifier vector and its form features. */
export function questionProbability(check: QuestionCheck, vector: SparseVector, form: readonly string[]): number {
  const { indices, values } = bothVectors(check, vector, form);
  let logit = check.bias;
  for (let k = 0; k < indices.length; k += 1) logit += (check.weights[indices[k] as number] as number) * (values[k] as number);
  return 1 / (1 + Math.exp(-logit));
}

/** The classifier's vector, then the form's TF-IDF vector after it, each scaled to its share of length 1. */
function bothVectors(check: QuestionCheck, vector: SparseVector, form: readonly string[]): SparseVector {
  const classifierFeatures = check.weights.length - check.form.length;
  const counts = new Map<number, number>();
  for (const name of form) {
    const index = check.form.indexOf(name);
    if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  const formIndices = [...counts.keys()];
  const formValues = toUnitLength(formIndices.map((i) => termWeight(counts.get(i) ?? 1, check.formIdf[i] as number)));
  return {
    indices: [...vector.indices, ...formIndices.map((i) => classifierFeatures + i)],
    values: [...vector.values.map((v) => v * CLASSIFIER_SHARE), ...formValues.map((v) => v * FORM_SHARE)],
  };
}
