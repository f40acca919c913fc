import type { SparseVector } from './classifier.js';

/**
 * Similarity to the closest training examples of each class (mean cosine of the k nearest),
 * through an inverted index so a query only touches examples that share a feature with it.
 * Added to the classifier's scores, it rescues reports that closely resemble one example
 * but whose words the linear model weighs weakly; chosen by cross-validation and the validation set.
 */
export class NearestExamples {
  private readonly postings = new Map<number, { doc: number; value: number }[]>();
  private readonly labels: number[] = [];

  constructor(
    private readonly classCount: number,
    private readonly k: number,
  ) {}

  add(vector: SparseVector, label: number): void {
    const doc = this.labels.length;
    this.labels.push(label);
    vector.indices.forEach((index, i) => {
      const list = this.postings.get(index) ?? [];
      list.push({ doc, value: vector.values[i] ?? 0 });
      this.postings.set(index, list);
    });
  }

  /** Per class, the mean similarity of its k most similar examples to the query. */
  scores(query: SparseVector): Float64Array {
    const similarity = new Float64Array(this.labels.length);
    const touched: number[] = [];
    query.indices.forEach((index, i) => {
      const weight = query.values[i] ?? 0;
      for (const { doc, value } of this.postings.get(index) ?? []) {
        if (similarity[doc] === 0) touched.push(doc);
        similarity[doc] = (similarity[doc] ?? 0) + weight * value;
      }
    });
    const best: number[][] = Array.from({ length: this.classCount }, () => []);
    for (const doc of touched) {
      const top = best[this.labels[doc] ?? 0];
      if (!top) continue;
      insertDescending(top, similarity[doc] ?? 0, this.k);
    }
    return Float64Array.from(best, (top) => top.reduce((sum, v) => sum + v, 0) / this.k);
  }
}

/** Keeps `top` as the `k` largest values seen, largest first. */
function insertDescending(top: number[], value: number, k: number): void {
  if (top.length === k && value <= (top[k - 1] ?? -Infinity)) return;
  let at = top.length;
  while (at > 0 && (top[at - 1] ?? 0) < value) at -= 1;
  top.splice(at, 0, value);
  if (top.length > k) top.pop();
}
