import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/core/language.js';

describe('detectLanguage', () => {
  it.each([
    ['emails stopped going out', 'en'],
    ['워크플로가 시작되지 않아요', 'ko'],
    ['mta가 안 떠요', 'ko'],
    ['pdump 결과 붙입니다\nsyslogd@default (1234) - 10 MB\nweb@default (1240) - 200 MB\nwfserver@prod (1301) - 50 MB', 'ko'],
    ['the 감 character alone is not Korean', 'en'],
    ['', 'en'],
    ['🔥🔥🔥', 'en'],
  ])('%j → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
