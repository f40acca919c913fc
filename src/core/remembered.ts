/**
 * Answers remembered by key: the same words come back in every message. Users' words keep arriving
 * in a long-running server, so when full the memory starts over rather than grow without end.
 */
/** Stands for an answer of `undefined`, so that one look-up tells a known "nothing" from a key never seen. */
const NOTHING: unique symbol = Symbol('nothing');

export class Remembered<V> {
  private readonly answers = new Map<string, V | typeof NOTHING>();

  constructor(private readonly limit: number) {}

  /** The answer for `key`, computed once until the memory next starts over. */
  get(key: string, compute: (key: string) => V): V {
    const known = this.answers.get(key);
    if (known !== undefined) return known === NOTHING ? (undefined as V) : known;
    const answer = compute(key);
    if (this.answers.size >= this.limit) this.answers.clear();
    this.answers.set(key, answer === undefined ? NOTHING : answer);
    return answer;
  }
}
