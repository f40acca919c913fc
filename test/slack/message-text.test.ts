import { describe, expect, it } from 'vitest';
import { slackMessageText } from '../../src/slack/message-text.js';

describe('slackMessageText', () => {
  it.each([
    ['plain text', { text: 'mails stuck since 9' }, 'mails stuck since 9'],
    ['nothing at all', {}, ''],
    ['text that is not a string', { text: 42, attachments: 'x', blocks: { type: 'section' } }, ''],
    [
      'a person’s message: the rich_text block repeats the text',
      {
        text: 'workflows stuck <@U1>',
        blocks: [
          {
            type: 'rich_text',
            elements: [
              {
                type: 'rich_text_section',
                elements: [
                  { type: 'text', text: 'workflows stuck ' },
                  { type: 'user', user_id: 'U1' },
                ],
              },
            ],
          },
        ],
      },
      'workflows stuck <@U1>',
    ],
    [
      'an alert with only attachments (Nagios-style)',
      {
        text: '',
        attachments: [
          {
            fallback: 'CRITICAL wfserver',
            pretext: 'PROBLEM',
            title: 'wfserver@prod',
            text: 'CRITICAL nlserver wfserver@prod not running',
            fields: [{ title: 'Host', value: 'camp01' }],
          },
        ],
      },
      'PROBLEM\nwfserver@prod\nCRITICAL nlserver wfserver@prod not running\nHost\ncamp01',
    ],
    ['an attachment with only a fallback', { attachments: [{ fallback: 'mta@prod down' }] }, 'mta@prod down'],
    [
      'an alert in Block Kit sections, header and context',
      {
        text: 'Alert fired',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'Alert fired' } },
          { type: 'section', text: { type: 'mrkdwn', text: '*mta@prod* process count is 0' }, fields: [{ type: 'mrkdwn', text: 'host: camp01' }] },
          { type: 'context', elements: [{ type: 'mrkdwn', text: 'Datadog' }] },
        ],
      },
      'Alert fired\n*mta@prod* process count is 0\nhost: camp01\nDatadog',
    ],
    ['blocks inside an attachment', { attachments: [{ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'tracking logs missing' } }] }] }, 'tracking logs missing'],
    [
      'a shared snippet or file: its title and preview',
      {
        text: '',
        files: [
          { id: 'F1', title: 'mta@prod crash log', preview: 'mta@prod crashed: SIGSEGV', mimetype: 'text/plain' },
          { id: 'F2', mimetype: 'image/png' },
        ],
      },
      'mta@prod crash log\nmta@prod crashed: SIGSEGV',
    ],
  ])('reads %s', (_name, message, expected) => {
    expect(slackMessageText(message)).toBe(expected);
  });

  it('survives blocks nested without end', () => {
    let node: Record<string, unknown> = { type: 'text', text: 'deep' };
    for (let i = 0; i < 10_000; i += 1) node = { type: 'rich_text_section', elements: [node] };
    expect(slackMessageText({ text: 'top', blocks: [node] })).toBe('top');
  });
});
