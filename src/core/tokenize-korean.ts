/**
 * Korean has no tokenizer in natural. A Korean word (eojeol) is a stem followed by particles and
 * endings, so "워크플로가" and "워크플로를" must both reach "워크플로": strip the common particles
 * and endings, and add character bigrams so unseen inflections still overlap with known stems.
 */

// Longest first, so "에서는" is stripped before "는".
const SUFFIXES = [
  '에서부터',
  '으로부터',
  '이라는데',
  '이라고요',
  '했는데요',
  '하는데요',
  '되는데요',
  '안되네요',
  '않습니다',
  '않네요',
  '않아요',
  '에서는',
  '에서도',
  '으로는',
  '으로도',
  '에게서',
  '이라고',
  '이라는',
  '이었는데',
  '였는데',
  '했는데',
  '하는데',
  '되는데',
  '인데요',
  '습니다',
  '합니다',
  '됩니다',
  '했어요',
  '됐어요',
  '되어요',
  '해요',
  '돼요',
  '네요',
  '어요',
  '아요',
  '나요',
  '는데',
  '인데',
  '인듯',
  '같아요',
  '같음',
  '까지',
  '부터',
  '보다',
  '처럼',
  '마다',
  '에서',
  '에게',
  '한테',
  '으로',
  '라고',
  '라는',
  '이나',
  '이랑',
  '하고',
  '에는',
  '에도',
  '로는',
  '로도',
  '이요',
  '이고',
  '이며',
  '지만',
  '는지',
  '은지',
  '인지',
  '할때',
  '했음',
  '됐음',
  '안됨',
  '함',
  '됨',
  '음',
  '이',
  '가',
  '을',
  '를',
  '은',
  '는',
  '에',
  '의',
  '도',
  '만',
  '와',
  '과',
  '로',
  '요',
  '나',
  '랑',
  '죠',
];

const HANGUL_RUN = /[\uAC00-\uD7A3]+/g;

export interface KoreanToken {
  feature: string;
  surface: string;
}

/** Strips trailing particles and endings from one Hangul word, never below two syllables. */
export function stripKoreanSuffix(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 2 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Korean features: stripped words (`w:`), and character bigrams of each word (`c:`). */
export function tokenizeKorean(text: string): KoreanToken[] {
  const out: KoreanToken[] = [];
  for (const match of text.matchAll(HANGUL_RUN)) {
    const surface = match[0];
    const stem = stripKoreanSuffix(surface);
    out.push({ feature: `w:${stem}`, surface });
    for (let i = 0; i + 1 < stem.length; i += 1) out.push({ feature: `c:${stem.slice(i, i + 2)}`, surface });
  }
  return out;
}
