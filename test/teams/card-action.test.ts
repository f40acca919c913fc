import { describe, expect, it } from 'vitest';
import { feedbackAction, parseCardAction, showModuleAction } from '../../src/teams/card-action.js';

describe('parseCardAction', () => {
  it.each([
    ['helpful', feedbackAction('helpful', 'mta', 'en')],
    ['not it, no module', feedbackAction('not_it', null, 'ko')],
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
    ['unknown language', { action: 'show-module', module: 'mta', lang: 'fr' }],
    ['unknown verdict', { action: 'feedback', verdict: 'meh', module: 'mta', lang: 'en' }],
    ['module of the wrong type', { action: 'feedback', verdict: 'helpful', module: 3, lang: 'en' }],
    ['show module without a module', { action: 'show-module', module: null, lang: 'en' }],
  ])('refuses %s', (_case, value) => {
    expect(parseCardAction(value)).toBeUndefined();
  });
});
