/**
 * Multinomial logistic regression over sparse features, trained in-process on the knowledge
 * examples. Chosen over natural's BayesClassifier by measurement (see `npm run bench` and
 * `campaign-module eval`): it gives probabilities that can be thresholded for abstention.
 */
import { FeatureNames } from './feature-names.js';
import { Remembered } from './remembered.js';

export interface TrainingDoc {
  features: string[];
  label: number;
  weight?: number;
}

export interface ClassifierOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

const RECENT_LIMIT = 50_000;
const DEFAULTS: ClassifierOptions = { epochs: 20, learningRate: 2, l2: 1e-5, seed: 7 };

export interface SparseVector {
  indices: number[];
  values: number[];
}

/**
 * A trained classifier as plain data, which the model file stores: feature i's weight for class c is
 * weights[i * classCount + c] * scales[i]. Sixteen bits a weight, scaled per feature, keep every weight within
 * 1/65 534 of its feature's largest and halve the file, which is most of what start-up reads.
 */
export interface ClassifierState {
  classCount: number;
  features: FeatureNames;
  /** Thirty-two bits, in training too: the same answers as sixty-four on every dev and bench text, and 0.5 MB less to read. */
  idf: Float32Array;
  weights: Int16Array;
  scales: Float32Array;
  bias: Float64Array;
}

export class SoftmaxClassifier {
  /** Sorted once trained, so a loaded model looks features up by binary search instead of first building a map of them. */
  private features: FeatureNames = FeatureNames.fromSorted([]);
  private indexOf: (feature: string) => number | undefined = (feature) => this.lookUp(feature);
  /** The features recently looked up: a message repeats its words, and a server sees the same ones again and again. */
  private readonly recent = new Remembered<number | undefined>(RECENT_LIMIT);
  private readonly find = (feature: string): number | undefined => this.features.indexOf(feature);
  private idf: Float32Array<ArrayBufferLike> = new Float32Array(0);
  private weights: Int16Array<ArrayBufferLike> = new Int16Array(0);
  private scales: Float32Array<ArrayBufferLike> = new Float32Array(0);
  private bias: Float64Array<ArrayBufferLike>;
  /** How often each feature occurs in the text being vectorised; all zero between calls. */
  private counts = new Int32Array(0);

  constructor(readonly classCount: number) {
    this.bias = new Float64Array(classCount);
  }

  /** The classifier a model file holds, ready to score without training. */
  static fromState(state: ClassifierState): SoftmaxClassifier {
    const classifier = new SoftmaxClassifier(state.classCount);
    classifier.features = state.features;
    classifier.idf = state.idf;
    classifier.weights = state.weights;
    classifier.scales = state.scales;
    classifier.bias = state.bias;
    return classifier;
  }

  /** The trained classifier as plain data. */
  toState(): ClassifierState {
    return { classCount: this.classCount, features: this.features, idf: this.idf, weights: this.weights, scales: this.scales, bias: this.bias };
  }

  /** Feature names the model knows. */
  knows(feature: string): boolean {
    return this.indexOf(feature) !== undefined;
  }

  train(docs: TrainingDoc[], options: Partial<ClassifierOptions> = {}): void {
    const documentFrequency = new Map<string, number>();
    for (const doc of docs) {
      for (const f of new Set(doc.features)) documentFrequency.set(f, (documentFrequency.get(f) ?? 0) + 1);
    }
    const vocabulary = new Map<string, number>();
    for (const f of documentFrequency.keys()) vocabulary.set(f, vocabulary.size);
    this.indexOf = (feature) => vocabulary.get(feature);
    this.idf = new Float32Array(vocabulary.size);
    for (const [f, df] of documentFrequency) this.idf[vocabulary.get(f) ?? 0] = inverseDocumentFrequency(docs.length, df);
    const fitted = fitSoftmax(
      docs.map((doc) => ({ vector: this.vectorize(doc.features), label: doc.label, weight: doc.weight })),
      this.classCount,
      vocabulary.size,
      options,
    );
    this.bias = fitted.bias;
    this.keepSorted([...vocabulary.keys()], fitted.weights);
  }

  /** Keeps the trained weights with the features renumbered in sorted order, each feature's row in sixteen bits and a scale. */
  private keepSorted(byIndex: string[], trained: Float64Array): void {
    const { classCount } = this;
    const order = byIndex.map((_, i) => i).sort((a, b) => compareNames(byIndex[a] ?? '', byIndex[b] ?? ''));
    const idf = new Float32Array(order.length);
    const weights = new Int16Array(trained.length);
    const scales = new Float32Array(order.length);
    order.forEach((from, to) => {
      idf[to] = this.idf[from] ?? 0;
      const row = trained.subarray(from * classCount, (from + 1) * classCount);
      let largest = 0;
      for (const w of row) largest = Math.max(largest, Math.abs(w));
      const scale = Math.fround(largest / 32767) || 1;
      scales[to] = scale;
      row.forEach((w, c) => {
        weights[to * classCount + c] = Math.round(w / scale);
      });
    });
    this.features = FeatureNames.fromSorted(order.map((i) => byIndex[i] ?? ''));
    this.indexOf = (feature) => this.lookUp(feature);
    this.idf = idf;
    this.weights = weights;
    this.scales = scales;
  }

  private lookUp(feature: string): number | undefined {
    return this.recent.get(feature, this.find);
  }

  /** Each feature's index in the model, undefined for those it does not know. */
  indicesOf(features: readonly string[]): (number | undefined)[] {
    return features.map(this.indexOf);
  }

  /** TF-IDF weights of the known features, L2-normalised. */
  vectorize(features: readonly string[]): SparseVector {
    return this.vectorizeIndices(this.indicesOf(features));
  }

  /** vectorize() of features already looked up by indicesOf(). */
  vectorizeIndices(featureIndices: readonly (number | undefined)[]): SparseVector {
    if (this.counts.length !== this.idf.length) this.counts = new Int32Array(this.idf.length);
    const { counts } = this;
    // In the order first seen: the scores add up in this order.
    const indices: number[] = [];
    for (const index of featureIndices) {
      if (index === undefined) continue;
      if (counts[index] === 0) indices.push(index);
      counts[index] = (counts[index] as number) + 1;
    }
    const values = indices.map((i) => {
      const count = counts[i] as number;
      counts[i] = 0;
      return termWeight(count, this.idf[i] ?? 1);
    });
    return { indices, values: toUnitLength(values) };
  }

  /** Raw class scores (logits) for a vector. */
  scoresInto(x: SparseVector, out: Float64Array): Float64Array {
    const { classCount, weights, scales } = this;
    out.set(this.bias);
    // Reads within the bounds of the arrays: `as number` spares the loop a test per weight.
    for (let k = 0; k < x.indices.length; k += 1) {
      const feature = x.indices[k] as number;
      const base = feature * classCount;
      const v = (x.values[k] as number) * (scales[feature] as number);
      for (let c = 0; c < classCount; c += 1) out[c] = (out[c] as number) + (weights[base + c] as number) * v;
    }
    return out;
  }

  /** How much the feature at `index` (from indicesOf) pushes a class, for evidence. */
  contribution(index: number | undefined, label: number): number {
    return index === undefined ? 0 : (this.weights[index * this.classCount + label] ?? 0) * (this.scales[index] ?? 0) * (this.idf[index] ?? 1);
  }
}

/**
 * Stochastic gradient descent on the softmax loss: each class's weight for each feature (`weights[feature * classCount + class]`)
 * and each class's bias, full precision. Both the classifier and the question check are fitted by it.
 */
export function fitSoftmax(
  examples: readonly { vector: SparseVector; label: number; weight?: number }[],
  classCount: number,
  featureCount: number,
  options: Partial<ClassifierOptions> = {},
): { weights: Float64Array; bias: Float64Array } {
  const { epochs, learningRate, l2, seed } = { ...DEFAULTS, ...options };
  const weights = new Float64Array(featureCount * classCount);
  const bias = new Float64Array(classCount);
  const order = examples.map((_, i) => i);
  const random = mulberry32(seed);
  const probs = new Float64Array(classCount);
  const gradient = new Float64Array(classCount);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    shuffle(order, random);
    const rate = learningRate / (1 + epoch * 0.1);
    for (const i of order) {
      const example = examples[i];
      if (!example) continue;
      const x = example.vector;
      // The weights being trained are full precision: scoresInto reads the sixteen-bit ones kept after training.
      probs.set(bias);
      for (let k = 0; k < x.indices.length; k += 1) {
        const base = (x.indices[k] ?? 0) * classCount;
        for (let c = 0; c < classCount; c += 1) probs[c] = (probs[c] ?? 0) + (weights[base + c] ?? 0) * (x.values[k] ?? 0);
      }
      softmaxInPlace(probs);
      const weight = example.weight ?? 1;
      for (let c = 0; c < classCount; c += 1) {
        gradient[c] = ((probs[c] ?? 0) - (c === example.label ? 1 : 0)) * weight;
        bias[c] = (bias[c] ?? 0) - rate * (gradient[c] ?? 0) * 0.1;
      }
      for (let k = 0; k < x.indices.length; k += 1) {
        const base = (x.indices[k] ?? 0) * classCount;
        const value = x.values[k] ?? 0;
        for (let c = 0; c < classCount; c += 1) {
          const w = weights[base + c] ?? 0;
          weights[base + c] = w - rate * ((gradient[c] ?? 0) * value + l2 * w);
        }
      }
    }
  }
  return { weights, bias };
}

/** Smoothed: a feature found in every document still weighs 1. */
export function inverseDocumentFrequency(documents: number, holding: number): number {
  return Math.log((1 + documents) / (1 + holding)) + 1;
}

/** A feature's weight in one text: its count, dampened, times its inverse document frequency. */
export function termWeight(count: number, idf: number): number {
  return (1 + Math.log(count)) * idf;
}

/** The values scaled to length 1, so a long text weighs no more than a short one. */
export function toUnitLength(values: readonly number[]): number[] {
  const norm = Math.hypot(...values) || 1;
  return values.map((v) => v / norm);
}

/** Code-unit order, the same in the build and at start-up whatever the locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Turns logits into probabilities in place (numerically stable). */
export function softmaxInPlace(values: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of values) max = Math.max(max, v);
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) {
    const e = Math.exp((values[i] ?? 0) - max);
    values[i] = e;
    sum += e;
  }
  for (let i = 0; i < values.length; i += 1) values[i] = (values[i] ?? 0) / sum;
  return values;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a === undefined || b === undefined) continue;
    items[i] = b;
    items[j] = a;
  }
}
