const LATIN_WORD = /[a-zäöüßàâçéèêëîïôûùœ']+/g;
const SENTENCE_START = /^[a-zäöüßàâçéèêëîïôûùœ']+(?:\s+[a-zäöüßàâçéèêëîïôûùœ']+)?/;

/**
 * How a text is put, which the classifier's features leave out: whether it asks "can I change…" or says "…has
 * stopped since noon" is in the small words and endings they drop. Every Latin word as written (stopwords too) and
 * each pair of them, the first two words of each sentence, the last two and three letters of each Korean word (its
 * ending: "바꾸나요", "멈췄어요"), the last three characters of each Japanese sentence, and a question mark.
 */
export function questionForm(text: string): string[] {
  const lower = text.normalize('NFKC').toLowerCase();
  const form: string[] = [];
  const words = lower.match(LATIN_WORD) ?? [];
  words.forEach((word, i) => {
    form.push(`w:${word}`);
    const next = words[i + 1];
    if (next) form.push(`w2:${word}_${next}`);
  });
  for (const sentence of lower.split(/[.?!\n:;]+/)) {
    const start = sentence.trim().match(SENTENCE_START);
    if (start) form.push(`s:${start[0]}`);
  }
  for (const word of lower.match(/\p{Script=Hangul}+/gu) ?? []) {
    if (word.length >= 2) form.push(`e2:${word.slice(-2)}`);
    if (word.length >= 3) form.push(`e3:${word.slice(-3)}`);
  }
  for (const sentence of lower.split(/[。？?！!\n]+/)) {
    const trimmed = sentence.trim();
    if (/\p{Script=Hiragana}/u.test(trimmed)) form.push(`je:${trimmed.slice(-3)}`);
  }
  if (/[?？]/.test(lower)) form.push('q:mark');
  return form;
}
