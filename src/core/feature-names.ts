/**
 * The model's feature names in sorted order, kept as one string and the offset where each starts:
 * a model loads them without making 85 000 strings, and finds one by binary search in place.
 */
export class FeatureNames {
  private constructor(
    private readonly text: string,
    /** Where name i starts; entry `length` is one past the end, as if a last newline followed. */
    readonly starts: Int32Array,
  ) {}

  /** From names already sorted by UTF-16 code units (JavaScript's `<`); no name may hold a newline. */
  static fromSorted(names: readonly string[]): FeatureNames {
    if (names.some((name) => name.includes('\n'))) throw new Error('a feature name holds a newline');
    const starts = new Int32Array(names.length + 1);
    for (let i = 0; i < names.length; i += 1) starts[i + 1] = (starts[i] as number) + (names[i] as string).length + 1;
    return new FeatureNames(names.join('\n'), starts);
  }

  /** As a model file stores them: the names joined by newlines, and their offsets. */
  static fromStored(text: string, starts: Int32Array): FeatureNames {
    return new FeatureNames(text, starts);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  /** The names joined by newlines, for the model file. */
  get joined(): string {
    return this.text;
  }

  /** The position of `name`, or undefined when the model does not know it. */
  indexOf(name: string): number | undefined {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compareAt(middle, name);
      if (order === 0) return middle;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  /** Name i against `name`, code unit by code unit as `<` compares strings, without cutting name i out. */
  private compareAt(i: number, name: string): number {
    const start = this.starts[i] as number;
    const length = (this.starts[i + 1] as number) - 1 - start;
    const shared = Math.min(length, name.length);
    for (let k = 0; k < shared; k += 1) {
      const difference = this.text.charCodeAt(start + k) - name.charCodeAt(k);
      if (difference !== 0) return difference;
    }
    return length - name.length;
  }
}
