import { describe, expect, it } from 'vitest';
import { feedbackAction, parseCardAction, showModuleAction } from '../../src/teams/card-action.js';

describe('parseCardAction', () => {
  it.each([
    ['helpful', feedbackAction('helpful', { module: 'mta', lang: 'en' })],
    ['not it, no module', feedbackAction('not_it', { module: null, lang: 'ko' })],
    ['not it, with what it judged', feedbackAction('not_it', { module: 'web', lang: 'en', confidence: 0.41, candidates: ['mta'], question: 'pages down' })],
    ['a correction', { action: 'correction', verdictId: '0b8f6a52-3c1e-4f7a-9d2b-6e5c4a3b2a19', lang: 'en', module: 'mta' }],
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
    ['a correction to an unknown module', { action: 'correction', verdictId: '0b8f6a52-3c1e-4f7a-9d2b-6e5c4a3b2a19', lang: 'en', module: 'nope' }],
  ])('refuses %s', (_case, value) => {
    expect(parseCardAction(value)).toBeUndefined();
  });
});
