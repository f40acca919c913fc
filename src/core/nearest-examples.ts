import type { SparseVector } from './classifier.js';

/**
 * The examples as an inverted index in flat arrays (what the model file stores): the examples holding
 * feature f are docs[starts[f]] … docs[starts[f + 1] - 1], with their weights for f in `values`.
 */
export interface ExampleIndex {
  labels: Int32Array;
  starts: Int32Array;
  docs: Int32Array;
  values: Float32Array;
}

/** Indexes example vectors over `featureCount` features, each example with its class. */
export function indexExamples(examples: readonly { vector: SparseVector; label: number }[], featureCount: number): ExampleIndex {
  const starts = new Int32Array(featureCount + 1);
  for (const { vector } of examples) for (const f of vector.indices) starts[f + 1] = (starts[f + 1] ?? 0) + 1;
  for (let f = 0; f < featureCount; f += 1) starts[f + 1] = (starts[f + 1] ?? 0) + (starts[f] ?? 0);
  const next = starts.slice(0, featureCount);
  const docs = new Int32Array(starts[featureCount] ?? 0);
  const values = new Float32Array(docs.length);
  examples.forEach(({ vector }, doc) => {
    vector.indices.forEach((f, i) => {
      const at = next[f] ?? 0;
      docs[at] = doc;
      values[at] = vector.values[i] ?? 0;
      next[f] = at + 1;
    });
  });
  return { labels: Int32Array.from(examples, (e) => e.label), starts, docs, values };
}

/**
 * Similarity to the closest training examples of each class (mean cosine of the k nearest),
 * through an inverted index so a query only touches examples that share a feature with it.
 * Added to the classifier's scores, it rescues reports that closely resemble one example
 * but whose words the linear model weighs weakly; chosen by cross-validation and the validation set.
 * Every query reuses the same buffers: a message allocates nothing here.
 */
export class NearestExamples {
  private readonly similarity: Float64Array;
  /** 1 for the examples this query has touched so far; `touched` lists them in the order first touched. */
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;
  private readonly best: Float64Array;
  private readonly filled: Int32Array;
  /** Per class, the value an example must beat to enter its k best: -Infinity until k are in. */
  private readonly entry: Float64Array;
  private readonly out: Float64Array;

  constructor(
    private readonly index: ExampleIndex,
    private readonly classCount: number,
    private readonly k: number,
  ) {
    this.similarity = new Float64Array(index.labels.length);
    this.seen = new Uint8Array(index.labels.length);
    // One slot more than there are examples: each posting writes its example there before the count decides to keep it.
    this.touched = new Int32Array(index.labels.length + 1);
    this.best = new Float64Array(classCount * k);
    this.filled = new Int32Array(classCount);
    this.entry = new Float64Array(classCount);
    this.out = new Float64Array(classCount);
  }

  /** Per class, the mean similarity of its k most similar examples to the query; the array is reused by the next call. */
  scores(query: SparseVector): Float64Array {
    const { similarity, seen, touched, filled, entry, out, k, classCount } = this;
    const { labels, starts, docs, values } = this.index;
    let touchedCount = 0;
    // Typed-array reads inside the bounds just checked: `as number` spares the hot loop a test per posting.
    // The touched list grows by arithmetic, not by a branch: whether an example is new is a coin toss the CPU cannot predict.
    for (let q = 0; q < query.indices.length; q += 1) {
      const f = query.indices[q] as number;
      const weight = query.values[q] as number;
      const end = starts[f + 1] as number;
      for (let p = starts[f] as number; p < end; p += 1) {
        const doc = docs[p] as number;
        touched[touchedCount] = doc;
        touchedCount += 1 - (seen[doc] as number);
        seen[doc] = 1;
        similarity[doc] = (similarity[doc] as number) + weight * (values[p] as number);
      }
    }
    filled.fill(0);
    entry.fill(Number.NEGATIVE_INFINITY);
    for (let t = 0; t < touchedCount; t += 1) {
      const doc = touched[t] as number;
      const label = labels[doc] as number;
      const value = similarity[doc] as number;
      similarity[doc] = 0;
      seen[doc] = 0;
      // Most examples are no closer than the class's k-th best so far: skip them without a call.
      if (label >= classCount || value <= (entry[label] as number)) continue;
      this.insertDescending(label, value);
    }
    for (let c = 0; c < classCount; c += 1) {
      let sum = 0;
      const count = filled[c] ?? 0;
      for (let i = 0; i < count; i += 1) sum += this.best[c * k + i] ?? 0;
      out[c] = sum / k;
    }
    return out;
  }

  /** Keeps class `label`'s slots as the k largest values seen, largest first. */
  private insertDescending(label: number, value: number): void {
    const { best, filled, entry, k } = this;
    const base = label * k;
    const count = filled[label] ?? 0;
    let at = count;
    while (at > 0 && (best[base + at - 1] ?? 0) < value) at -= 1;
    for (let i = Math.min(count, k - 1); i > at; i -= 1) best[base + i] = best[base + i - 1] ?? 0;
    best[base + at] = value;
    if (count < k) filled[label] = count + 1;
    if (count + 1 >= k) entry[label] = best[base + k - 1] ?? 0;
  }
}
