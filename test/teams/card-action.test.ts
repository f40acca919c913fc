import { describe, expect, it } from 'vitest';
import { feedbackAction, parseCardAction, showModuleAction, voterTag } from '../../src/teams/card-action.js';

describe('voterTag', () => {
  it('tells voters of a verdict apart without carrying their id', () => {
    const verdictId = '0b8f6a52-3c1e-4f7a-9d2b-6e5c4a3b2a19';
    const tag = voterTag(verdictId, 'aad-1');
    expect(tag).toMatch(/^[0-9a-f]{16}$/);
    expect(voterTag(verdictId, 'aad-1')).toBe(tag);
    expect(voterTag(verdictId, 'aad-2')).not.toBe(tag);
    expect(voterTag('1c9e7b63-4d2f-4a8b-8e3c-7f6d5b4c3b2a', 'aad-1')).not.toBe(tag);
  });
});

describe('parseCardAction', () => {
  it.each([
    ['helpful', feedbackAction('helpful', { module: 'mta', lang: 'en' })],
    ['not it, no module', feedbackAction('not_it', { module: null, lang: 'ko' })],
    ['not it, with what it judged', feedbackAction('not_it', { module: 'web', lang: 'en', confidence: 0.41, candidates: ['mta'], question: 'pages down' })],
    [
      'a correction',
      { action: 'correction', verdictId: '0b8f6a52-3c1e-4f7a-9d2b-6e5c4a3b2a19', lang: 'en', voter: voterTag('0b8f6a52-3c1e-4f7a-9d2b-6e5c4a3b2a19', 'aad-1'), module: 'mta' },
    ],
    ['show module', showModuleAction('wfserver', 'ko')],
  ])('reads back what the cards write: %s', (_case, data) => {
    expect(parseCardAction(JSON.parse(JSON.stringify(data)))).toEqual(data);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'mta'],
    ['an array', []],
    ['unknown action', { action: 'delete', module: 'mta', lang: 'en' }],
    ['unknown module', { action: 'show-module', module: 'mtaa', lang: 'en' }],
    ['unknown language', { action: 'show-module', module: 'mta', lang: 'es' }],
    ['unknown verdict', { action: 'feedback', verdict: 'meh', module: 'mta', lang: 'en' }],
    ['module of the wrong type', { action: 'feedback', verdict: 'helpful', module: 3, lang: 'en' }],
    ['show module without a module', { action: 'show-module', module: null, lang: 'en' }],
    ['a confidence out of range', { action: 'feedback', verdict: 'helpful', module: 'mta', lang: 'en', confidence: 7 }],
    ['an unknown candidate', { action: 'feedback', verdict: 'helpful', module: 'mta', lang: 'en', candidates: ['nope'] }],
    ['a correction with a forged id', { action: 'correction', verdictId: 'x', lang: 'en', module: 'mta' }],
    ['a correction to an unknown module', { action: 'correction', verdictId: '0b8f6a52-3c1e-4f7a-9d2b-6e5c4a3b2a19', lang: 'en', voter: '5d2c8e0f1a3b4c6d', module: 'nope' }],
    ['a correction that does not say whose verdict it is', { action: 'correction', verdictId: '0b8f6a52-3c1e-4f7a-9d2b-6e5c4a3b2a19', lang: 'en', module: 'mta' }],
    ['a correction with a voter that is no tag', { action: 'correction', verdictId: '0b8f6a52-3c1e-4f7a-9d2b-6e5c4a3b2a19', lang: 'en', voter: 'aad-1', module: 'mta' }],
  ])('refuses %s', (_case, value) => {
    expect(parseCardAction(value)).toBeUndefined();
  });
});
