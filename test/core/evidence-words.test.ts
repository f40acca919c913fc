import { describe, expect, it } from 'vitest';
import { isTellingWord } from '../../src/core/evidence-words.js';

describe('isTellingWord: what "Because of" may show', () => {
  it.each(['ワークフロー', '開始中', '止まっています', 'Ausstehend', 'bounce', '워크플로가', 'mta@prod'])('shows %s', (word) => {
    expect(isTellingWord(word)).toBe(true);
  });

  it.each(['のまま止まっています', 'されません', '않아요', '멈췄는데요', 'instance', 'Instanz', 'インスタンス', 'x', '안'])('leaves out %s', (word) => {
    expect(isTellingWord(word)).toBe(false);
  });
});
