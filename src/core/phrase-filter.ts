/**
 * A quick test before looking for each of a few hundred phrases in a text: a phrase can only occur
 * where its first and last characters do, and most phrases fail that at once.
 */
export interface PresentCharacters {
  has(code: number): boolean;
}

// One mark per UTF-16 code unit, reused: marking a text's characters with a new number forgets the last text's.
const marks = new Uint32Array(0x10000);
let mark = 0;

/** The characters of `text`, valid until the next call. */
export function charactersOf(text: string): PresentCharacters {
  mark = mark === 0xffffffff ? 1 : mark + 1;
  if (mark === 1) marks.fill(0);
  const current = mark;
  for (let i = 0; i < text.length; i += 1) marks[text.charCodeAt(i)] = current;
  return { has: (code) => marks[code] === current };
}

/** False when `phrase` cannot occur in the text whose characters are `present`; true means look. */
export function mayHold(present: PresentCharacters, phrase: string): boolean {
  return phrase === '' || (present.has(phrase.charCodeAt(0)) && present.has(phrase.charCodeAt(phrase.length - 1)));
}
