import { describe, expect, it } from 'vitest';
import { stripTeamsMentions } from '../../src/teams/strip-mentions.js';

const BOT = { id: '28:bot-app-id', name: 'Campaign Module Bot' };
const botMention = { type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT };
const colleague = { type: 'mention', text: '<at>Min-jun Kim</at>', mentioned: { id: '29:colleague', name: 'Min-jun Kim' } };

describe('stripTeamsMentions', () => {
  it.each([
    ['a leading mention', `<at>${BOT.name}</at> emails stopped going out`, [botMention], 'emails stopped going out'],
    ['a trailing mention', `is mta down? <at>${BOT.name}</at>`, [botMention], 'is mta down?'],
    ['every mention, not only the first', `<at>${BOT.name}</at> wfserver <at>${BOT.name}</at>`, [botMention, botMention], 'wfserver'],
    ['a mention in the middle of Korean text', `워크플로가 <at>${BOT.name}</at> 멈췄어요`, [botMention], '워크플로가 멈췄어요'],
    ["other people's mentions kept as plain names", `<at>${BOT.name}</at> <at>Min-jun Kim</at> says web is slow`, [botMention, colleague], 'Min-jun Kim says web is slow'],
    ['a mention without entity text, by name', `<at>${BOT.name}</at> list`, [{ type: 'mention', mentioned: BOT }], 'list'],
    ['the blank lines and spaces a mention leaves', `<at>${BOT.name}</at>\n\n  help  `, [botMention], 'help'],
    ['the space before the comma a mention in the middle leaves', `hey <at>${BOT.name}</at>, workflows are stuck`, [botMention], 'hey, workflows are stuck'],
    ['the colon after a leading mention', `<at>${BOT.name}</at>: mta is down`, [botMention], 'mta is down'],
    ['no entities at all', 'help', undefined, 'help'],
  ])('removes %s', (_case, text, entities, expected) => {
    expect(stripTeamsMentions(text, entities, BOT.id)).toBe(expected);
  });

  it('keeps the lines of a pasted pdump, collapsing only spaces within a line', () => {
    const text = `<at>${BOT.name}</at> pdump says:\r\n\`\`\`\nnlserver pdump\n12:00:01 > Application server for Adobe Campaign Classic\nweb@default (2345)   -  250 MB\n\n\n\nwfserver@prod (3456) - 40 MB\n\`\`\``;
    expect(stripTeamsMentions(text, [botMention], BOT.id)).toBe(
      'pdump says:\n```\nnlserver pdump\n12:00:01 > Application server for Adobe Campaign Classic\nweb@default (2345) - 250 MB\n\nwfserver@prod (3456) - 40 MB\n```',
    );
  });

  it.each([
    ['a table', 'status<table><tr><th>process</th><th>state</th></tr><tr><td>mta@prod</td><td>stopped</td></tr></table>', 'status\nprocess state\nmta@prod stopped'],
    ['a list', 'down:<ul><li>mta@prod</li><li>inMail@prod</li></ul>', 'down:\nmta@prod\ninMail@prod'],
    ['paragraphs and line breaks', '<p>mails stuck</p><p>since 9<br>on mkt</p>', 'mails stuck\nsince 9\non mkt'],
  ])('reads HTML in the text as the message action does: %s', (_case, html, text) => {
    expect(stripTeamsMentions(`<at>${BOT.name}</at> ${html}`, [botMention], BOT.id)).toBe(text);
  });

  it('ignores mention entities of someone else with the same display name', () => {
    const impostor = { type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { id: '29:someone', name: BOT.name } };
    // The tag is still unwrapped to a plain name, but it is not treated as the bot's mention.
    expect(stripTeamsMentions(`<at>${BOT.name}</at> mta`, [impostor], BOT.id)).toBe(`${BOT.name} mta`);
  });

  it('leaves text alone when the bot id is unknown', () => {
    expect(stripTeamsMentions('<at>X</at> mta', [botMention], undefined)).toBe('X mta');
  });
});
