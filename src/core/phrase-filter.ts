/**
 * Finding which of a thousand phrases (glossary terms, module names in five languages) a message
 * holds, without testing each: phrases are bucketed by their first character, and only the buckets
 * of characters the message has are looked at, each phrase only if its last character is there too.
 */

// One mark per UTF-16 code unit, reused: marking a text's characters with a new number forgets the last text's.
const marks = new Uint32Array(0x10000);
const distinct = new Uint16Array(0x10000);
let distinctCount = 0;
let mark = 0;

/** Marks the characters of `text` and lists the distinct ones; valid until the next call. */
function markCharacters(text: string): number {
  mark = mark === 0xffffffff ? 1 : mark + 1;
  if (mark === 1) marks.fill(0);
  distinctCount = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (marks[code] === mark) continue;
    marks[code] = mark;
    distinct[distinctCount++] = code;
  }
  return mark;
}

/** Each phrase list's buckets, built on first use: the lists live as long as the knowledge they come from. */
const bucketsOf = new WeakMap<readonly unknown[], Map<number, number[]>>();

function buckets<T>(phrases: readonly T[], keyOf: (phrase: T) => string): Map<number, number[]> {
  const known = bucketsOf.get(phrases);
  if (known) return known;
  const byFirst = new Map<number, number[]>();
  phrases.forEach((phrase, i) => {
    const first = keyOf(phrase).charCodeAt(0);
    const bucket = byFirst.get(first);
    if (bucket) bucket.push(i);
    else byFirst.set(first, [i]);
  });
  bucketsOf.set(phrases, byFirst);
  return byFirst;
}

/** The positions, in list order, of the phrases that occur in `text`. */
export function phrasesIn<T>(text: string, phrases: readonly T[], keyOf: (phrase: T) => string): number[] {
  const byFirst = buckets(phrases, keyOf);
  const present = markCharacters(text);
  const found: number[] = [];
  for (let c = 0; c < distinctCount; c += 1) {
    for (const i of byFirst.get(distinct[c] as number) ?? []) {
      const key = keyOf(phrases[i] as T);
      if (marks[key.charCodeAt(key.length - 1)] === present && text.includes(key)) found.push(i);
    }
  }
  return found.sort((a, b) => a - b);
}
