import { describe, expect, it } from 'vitest';
import { stripSlackMention } from '../../src/slack/strip-mention.js';

describe('stripSlackMention', () => {
  it.each([
    ['<@UBOT> emails stuck', 'emails stuck'],
    ['emails stuck <@UBOT>', 'emails stuck'],
    ['fix this <@UBOT> please', 'fix this please'],
    ['<@UBOT|campaign-module> mta', 'mta'],
    ['<@UBOT><@UBOT> twice', 'twice'],
    ['<@UBOT>', ''],
    ['ask <@U0HUMAN1> about <@UBOT> mta', 'ask <@U0HUMAN1> about mta'],
    ['<@UBOT> line one\n  line two', 'line one\nline two'],
    ['<@UBOTX> not our bot', '<@UBOTX> not our bot'],
  ])('%j → %j', (input, expected) => {
    expect(stripSlackMention(input, 'UBOT')).toBe(expected);
  });

  it('removes only a leading mention when the bot id is unknown', () => {
    expect(stripSlackMention('<@U123> mta and <@U456>')).toBe('mta and <@U456>');
  });
});
