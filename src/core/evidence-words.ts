// "Because of" shows people why the bot chose a module: words that name a symptom or a part of
// Campaign. Particles, predicate endings and the word "instance" can carry weight in the model
// but tell the reader nothing.

// Korean predicates end in these: 않아요, 중이에요, 돌아요, 됩니다, 안 되네요, 멈췄는데.
const KOREAN_PREDICATE = /(?:요|니다|죠|네|는데|지만|어서|아서|해서|으면|하고)$/;
// Japanese runs that end as a sentence does: 止まっています, 送信されません, 届きません.
const JAPANESE_PREDICATE = /(?:ます|ません|です|でした|ました|ている|ていない|てる)$/;
const INSTANCE_WORD = /^(?:instances?|instanz(?:en)?|인스턴스\S*|インスタンス\S*)$/i;
// One Hangul syllable ("안", "좀") or a lone Latin letter is too short to explain anything.
const TOO_SHORT = /^(?:[\p{Script=Hangul}]|[a-z])$/iu;

/** True when a word is worth showing under "Because of". */
export function isTellingWord(surface: string): boolean {
  const word = surface.trim();
  if (!word || TOO_SHORT.test(word) || INSTANCE_WORD.test(word)) return false;
  if (JAPANESE_PREDICATE.test(word) && /^[\p{Script=Hiragana}]/u.test(word)) return false;
  return !(/\p{Script=Hangul}$/u.test(word) && KOREAN_PREDICATE.test(word));
}
