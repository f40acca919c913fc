import { describe, expect, it } from 'vitest';
import { phrasesIn } from '../../src/core/phrase-filter.js';

const key = (phrase: string) => phrase;
/** What phrasesIn must equal: every phrase tested with includes(), in list order. */
const byIncludes = (text: string, phrases: string[]) => phrases.flatMap((p, i) => (text.includes(p) ? [i] : []));

describe('phrasesIn', () => {
  it('finds phrases anywhere, at the start and the end, in list order', () => {
    const phrases = ['out', 'mta', 'z', 'emails stopped', 'stopped going out', 'going'];
    expect(phrasesIn('emails stopped going out', phrases, key)).toEqual([0, 3, 4, 5]);
  });

  it('finds overlapping and repeated phrases once each', () => {
    const phrases = ['aa', 'aaa', 'ab'];
    expect(phrasesIn('aaaa', phrases, key)).toEqual([0, 1]);
  });

  it('finds one-character phrases, Korean and Japanese phrases, and phrases split across a surrogate pair', () => {
    const phrases = ['送', '발송 실패', '配信エラー', '🔥', 'x'];
    expect(phrasesIn('配信エラーです 🔥 발송 실패 送', phrases, key)).toEqual([0, 1, 2, 3]);
  });

  it('counts an empty phrase as present, as includes() does, and finds nothing in an empty text', () => {
    expect(phrasesIn('abc', ['', 'zz'], key)).toEqual([0]);
    expect(phrasesIn('', ['a', 'ab'], key)).toEqual([]);
  });

  it('agrees with includes() on every phrase of a list, whatever the text', () => {
    const phrases = ['mta', 'mta ', ' mta', 'in mail', 'inmail', 'bounce', 'bounces', 'ce', 'e', '반송', '반송 메일', 'メール', 'ー', 'versand', 'envoi', 'é'];
    const texts = ['', 'e', 'mta', 'the inmail bounces; mta fine', '반송 메일이 안 와요', 'メールの配信ー', 'Versand envoi é', `${'x'.repeat(300)} mta`];
    for (const text of texts) expect(phrasesIn(text, phrases, key)).toEqual(byIncludes(text, phrases));
  });

  it('keeps the buckets of each list apart', () => {
    expect(phrasesIn('alpha beta', ['alpha'], key)).toEqual([0]);
    expect(phrasesIn('alpha beta', ['beta', 'gamma'], key)).toEqual([0]);
  });
});
