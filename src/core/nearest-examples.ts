import type { SparseVector } from './classifier.js';

/**
 * The examples as an inverted index in flat arrays (what the model file stores): the examples holding
 * feature f are docs[starts[f]] … docs[starts[f + 1] - 1], with their weights for f in `values`.
 */
export interface ExampleIndex {
  labels: Int32Array;
  starts: Int32Array;
  /** Sixteen bits while there are at most 65 536 examples: the postings are a third of the model file, which start-up reads. */
  docs: Uint16Array | Int32Array;
  /** Each example's weight for the feature, in [0, 1] (its vector is L2-normalised), in steps of 1/VALUE_STEPS. */
  values: Uint16Array;
}

/** Sixteen bits a posting weight: the same answers as thirty-two on 7 617 dev and bench texts (two confidences 0.001 apart), and 1.5 MB less to read. */
const VALUE_STEPS = 0xffff;

/** Indexes example vectors over `featureCount` features, each example with its class, in class order. */
export function indexExamples(unordered: readonly { vector: SparseVector; label: number }[], featureCount: number): ExampleIndex {
  // In class order, so a query can go over each class's examples as one range.
  const examples = [...unordered].sort((a, b) => a.label - b.label);
  const starts = new Int32Array(featureCount + 1);
  for (const { vector } of examples) for (const f of vector.indices) starts[f + 1] = (starts[f + 1] ?? 0) + 1;
  for (let f = 0; f < featureCount; f += 1) starts[f + 1] = (starts[f + 1] ?? 0) + (starts[f] ?? 0);
  const next = starts.slice(0, featureCount);
  const postings = starts[featureCount] ?? 0;
  const docs = examples.length <= 0x10000 ? new Uint16Array(postings) : new Int32Array(postings);
  const values = new Uint16Array(docs.length);
  examples.forEach(({ vector }, doc) => {
    vector.indices.forEach((f, i) => {
      const at = next[f] ?? 0;
      docs[at] = doc;
      values[at] = Math.round((vector.values[i] ?? 0) * VALUE_STEPS);
      next[f] = at + 1;
    });
  });
  return { labels: Int32Array.from(examples, (e) => e.label), starts, docs, values };
}

/**
 * Similarity to the closest training examples of each class (mean cosine of the k nearest),
 * through an inverted index so a query only adds up the examples that share a feature with it.
 * Added to the classifier's scores, it rescues reports that closely resemble one example
 * but whose words the linear model weighs weakly; chosen by cross-validation and the validation set.
 * Every query reuses the same buffers: a message allocates nothing here.
 */
export class NearestExamples {
  private readonly similarity: Float64Array;
  /** The examples of class c are classStarts[c] … classStarts[c + 1] - 1: the index holds them by class. */
  private readonly classStarts: Int32Array;
  private readonly best: Float64Array;
  private readonly out: Float64Array;

  constructor(
    private readonly index: ExampleIndex,
    private readonly classCount: number,
    private readonly k: number,
  ) {
    this.similarity = new Float64Array(index.labels.length);
    this.classStarts = classRanges(index.labels, classCount);
    this.best = new Float64Array(k);
    this.out = new Float64Array(classCount);
  }

  /** Per class, the mean similarity of its k most similar examples to the query; the array is reused by the next call. */
  scores(query: SparseVector): Float64Array {
    const { similarity, classStarts, best, out, k, classCount } = this;
    const { starts, docs, values } = this.index;
    // Typed-array reads inside the bounds just checked: `as number` spares the hot loop a test per posting.
    for (let q = 0; q < query.indices.length; q += 1) {
      const f = query.indices[q] as number;
      const weight = (query.values[q] as number) / VALUE_STEPS;
      const end = starts[f + 1] as number;
      let p = starts[f] as number;
      // Four postings at a time (a third faster, measured): a list names each example once, so the four
      // sums are different ones, and each example still adds up its features in the query's order.
      for (; p + 4 <= end; p += 4) {
        const a = docs[p] as number;
        const b = docs[p + 1] as number;
        const c = docs[p + 2] as number;
        const d = docs[p + 3] as number;
        similarity[a] = (similarity[a] as number) + weight * (values[p] as number);
        similarity[b] = (similarity[b] as number) + weight * (values[p + 1] as number);
        similarity[c] = (similarity[c] as number) + weight * (values[p + 2] as number);
        similarity[d] = (similarity[d] as number) + weight * (values[p + 3] as number);
      }
      for (; p < end; p += 1) {
        const doc = docs[p] as number;
        similarity[doc] = (similarity[doc] as number) + weight * (values[p] as number);
      }
    }
    // One pass over every example, class by class. The k best start at 0, where an example the query
    // shares nothing with is: similarities are never negative. Most examples are no closer than the
    // class's k-th best so far, a branch the CPU predicts, so scanning them all beats tracking the touched ones.
    for (let c = 0; c < classCount; c += 1) {
      best.fill(0);
      let entry = 0;
      const end = classStarts[c + 1] as number;
      let doc = classStarts[c] as number;
      // Four at a time: most fours hold none that would enter, and are passed over on four comparisons.
      for (; doc + 4 <= end; doc += 4) {
        if (
          (similarity[doc] as number) <= entry &&
          (similarity[doc + 1] as number) <= entry &&
          (similarity[doc + 2] as number) <= entry &&
          (similarity[doc + 3] as number) <= entry
        )
          continue;
        for (let at = doc; at < doc + 4; at += 1) {
          const value = similarity[at] as number;
          if (value > entry) entry = insertDescending(best, value);
        }
      }
      for (; doc < end; doc += 1) {
        const value = similarity[doc] as number;
        if (value > entry) entry = insertDescending(best, value);
      }
      let sum = 0;
      for (let i = 0; i < k; i += 1) sum += best[i] as number;
      out[c] = sum / k;
    }
    similarity.fill(0);
    return out;
  }
}

/** Puts `value` among the k largest kept in `best` (largest first) and returns the smallest kept. */
function insertDescending(best: Float64Array, value: number): number {
  let at = best.length - 1;
  while (at > 0 && (best[at - 1] as number) < value) {
    best[at] = best[at - 1] as number;
    at -= 1;
  }
  best[at] = value;
  return best[best.length - 1] as number;
}

/** Where each class's examples start in an index that holds them in class order, with the end as a last entry. */
function classRanges(labels: Int32Array, classCount: number): Int32Array {
  const starts = new Int32Array(classCount + 1);
  for (let doc = 0; doc < labels.length; doc += 1) {
    const label = labels[doc] as number;
    if (doc > 0 && label < (labels[doc - 1] as number)) throw new Error('nearest-example index: examples are not in class order');
    if (label < classCount) starts[label + 1] = doc + 1;
  }
  for (let c = 1; c <= classCount; c += 1) starts[c] = Math.max(starts[c] as number, starts[c - 1] as number);
  return starts;
}
