/**
 * A quick test before looking for each of a few hundred phrases in a text: a phrase can only occur
 * where its first and last characters do, and most phrases fail that at once.
 */

// One mark per UTF-16 code unit, reused: marking a text's characters with a new number forgets the last text's.
const marks = new Uint32Array(0x10000);
let mark = 0;

/** Marks the characters of `text`; the returned mark is valid for `mayHold` until the next call. */
export function charactersOf(text: string): number {
  mark = mark === 0xffffffff ? 1 : mark + 1;
  if (mark === 1) marks.fill(0);
  for (let i = 0; i < text.length; i += 1) marks[text.charCodeAt(i)] = mark;
  return mark;
}

/** False when `phrase` cannot occur in the text just marked `present`; true means look. */
export function mayHold(present: number, phrase: string): boolean {
  return phrase === '' || (marks[phrase.charCodeAt(0)] === present && marks[phrase.charCodeAt(phrase.length - 1)] === present);
}
