import { describe, expect, it } from 'vitest';
import { stripKoreanSuffix, tokenizeKorean } from '../../src/core/tokenize-korean.js';

describe('stripKoreanSuffix', () => {
  it.each([
    ['워크플로가', '워크플로'],
    ['워크플로를', '워크플로'],
    ['서버에서', '서버'],
    ['로그에서는', '로그'],
    ['메일이', '메일'],
    ['콘솔로', '콘솔'],
    ['와치독', '와치독'],
    ['메일', '메일'],
  ])('%s → %s', (word, stem) => {
    expect(stripKoreanSuffix(word)).toBe(stem);
  });
});

describe('tokenizeKorean', () => {
  it('gives inflected forms of one word the same stem feature', () => {
    const a = tokenizeKorean('워크플로가 멈췄어요').map((t) => t.feature);
    const b = tokenizeKorean('워크플로를 재시작').map((t) => t.feature);
    expect(a).toContain('w:워크플로');
    expect(b).toContain('w:워크플로');
  });

  it('adds character bigrams so unseen endings still overlap', () => {
    expect(tokenizeKorean('발송되지').map((t) => t.feature)).toEqual(expect.arrayContaining(['c:발송', 'c:송되']));
  });

  it('ignores Latin text', () => {
    expect(tokenizeKorean('mta down')).toEqual([]);
  });
});
