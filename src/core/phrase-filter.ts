/**
 * Finding which of a thousand phrases (glossary terms, module names in five languages) a message
 * holds, without testing each: phrases are bucketed by their first two characters, and at each
 * position of the message only the phrases of the bucket of the two characters found there are tried.
 * Linear in the message's length.
 */

interface Buckets {
  /** By the first two UTF-16 code units (first * 0x10000 + second). */
  byPair: Map<number, number[]>;
  /** Phrases of a single code unit, by that unit. */
  byUnit: Map<number, number[]>;
  /** Empty phrases, which every text holds. */
  empty: number[];
  /** 1 where a bucket may exist: most positions are passed over without a map look-up. */
  pairMayStart: Uint8Array;
  unitMayStart: Uint8Array;
}

const pairSlot = (first: number, second: number) => (first * 31 + second) & 0xffff;

/** Each phrase list's buckets, built on first use: the lists live as long as the knowledge they come from. */
const bucketsOf = new WeakMap<readonly unknown[], Buckets>();

function buckets<T>(phrases: readonly T[], keyOf: (phrase: T) => string): Buckets {
  const known = bucketsOf.get(phrases);
  if (known) return known;
  const built: Buckets = { byPair: new Map(), byUnit: new Map(), empty: [], pairMayStart: new Uint8Array(0x10000), unitMayStart: new Uint8Array(0x10000) };
  const add = (map: Map<number, number[]>, key: number, i: number) => {
    const bucket = map.get(key);
    if (bucket) bucket.push(i);
    else map.set(key, [i]);
  };
  phrases.forEach((phrase, i) => {
    const key = keyOf(phrase);
    if (key.length === 0) built.empty.push(i);
    else if (key.length === 1) {
      add(built.byUnit, key.charCodeAt(0), i);
      built.unitMayStart[key.charCodeAt(0)] = 1;
    } else {
      add(built.byPair, key.charCodeAt(0) * 0x10000 + key.charCodeAt(1), i);
      built.pairMayStart[pairSlot(key.charCodeAt(0), key.charCodeAt(1))] = 1;
    }
  });
  bucketsOf.set(phrases, built);
  return built;
}

/** The positions, in list order, of the phrases that occur in `text`. */
export function phrasesIn<T>(text: string, phrases: readonly T[], keyOf: (phrase: T) => string): number[] {
  const { byPair, byUnit, empty, pairMayStart, unitMayStart } = buckets(phrases, keyOf);
  const found = new Set<number>(empty);
  for (let at = 0; at < text.length; at += 1) {
    const unit = text.charCodeAt(at);
    if (unitMayStart[unit] === 1) for (const i of byUnit.get(unit) ?? []) found.add(i);
    if (at + 1 === text.length) break;
    const next = text.charCodeAt(at + 1);
    if (pairMayStart[pairSlot(unit, next)] !== 1) continue;
    for (const i of byPair.get(unit * 0x10000 + next) ?? []) {
      if (!found.has(i) && text.startsWith(keyOf(phrases[i] as T), at)) found.add(i);
    }
  }
  return [...found].sort((a, b) => a - b);
}
