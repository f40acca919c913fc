import { describe, expect, it } from 'vitest';
import { FeatureNames } from '../../src/core/feature-names.js';

describe('FeatureNames', () => {
  // Prefixes, accents, Hangul, kana and a code point above the BMP: the order JavaScript's `<` gives.
  const names = ['mta', 'mta@', 'mtachild', 'g:ounc', 'versand', 'versendet', 'é', 'w:워크플로', 'j:ワークフロ', 'c:開始', 'mta_down', '😱', 'k:mail', ''].sort();

  it('finds every name at its sorted position, and no other', () => {
    const stored = FeatureNames.fromSorted(names);
    expect(stored.length).toBe(names.length);
    for (const [i, name] of names.entries()) expect(stored.indexOf(name)).toBe(i);
    for (const unknown of ['mt', 'mtac', 'versande', 'w:워크', 'zzz', 'ワークフロー']) expect(stored.indexOf(unknown)).toBeUndefined();
  });

  it('reads back from the form a model file stores', () => {
    const built = FeatureNames.fromSorted(names);
    const read = FeatureNames.fromStored(built.joined, Int32Array.from(built.starts));
    for (const [i, name] of names.entries()) expect(read.indexOf(name)).toBe(i);
  });

  it('refuses a name holding a newline, which the stored form could not tell apart', () => {
    expect(() => FeatureNames.fromSorted(['a\nb'])).toThrow(/newline/);
  });
});
