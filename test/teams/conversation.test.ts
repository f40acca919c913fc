import { describe, expect, it } from 'vitest';
import { langFromLocale, langOfActivity } from '../../src/teams/conversation.js';

describe('the language of an activity, whatever its fields hold', () => {
  it.each([
    [{ text: '메일이 발송되지 않아요', locale: 'en-US' }, 'ko'],
    [{ text: 'emails stuck', locale: 'ko-KR' }, 'en'],
    [{ text: 5, locale: 'ko-KR' }, 'ko'],
    [{ text: ['메일'], locale: 'en-US' }, 'en'],
    [{ text: '   ', locale: 'ko-KR' }, 'ko'],
    [{ locale: 7 }, 'en'],
    [{ text: null, locale: null }, 'en'],
    [{}, 'en'],
    [{ value: { action: 'feedback', lang: 'ko' }, locale: 'en-US' }, 'ko'],
    [{ value: { action: 'show-module', lang: 'es' }, locale: 'de-DE' }, 'de'],
    [{ value: 'ko', locale: 'fr-FR' }, 'fr'],
    [{ value: null, locale: 'ja-JP' }, 'ja'],
  ])('%j → %s', (activity, lang) => {
    expect(langOfActivity(activity)).toBe(lang);
  });

  it('reads a locale only when it is a string', () => {
    expect(langFromLocale('KO-kr')).toBe('ko');
    expect(langFromLocale({ toLowerCase: () => 'ko' })).toBe('en');
  });
});
