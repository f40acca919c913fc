import { describe, expect, it } from 'vitest';
import { actionPattern, decodeFeedback, decodeShowModule, encodeFeedback, encodeShowModule, FEEDBACK_BLOCK_ID } from '../../src/slack/actions.js';
import { acknowledgeFeedback, type ReturnedBlock } from '../../src/slack/feedback-ack.js';
import { LABELS } from '../../src/render/labels.js';

describe('action values', () => {
  it.each([
    { module: 'mta', lang: 'en' },
    { module: 'inMail', lang: 'ko' },
    { module: 'stat', lang: 'en', instance: 'acc_prd' },
  ] as const)('show-module %j survives a round trip', (value) => {
    expect(decodeShowModule(encodeShowModule(value))).toEqual(value);
  });

  it.each([
    { verdict: 'helpful', module: 'wfserver', lang: 'en' },
    { verdict: 'not_it', module: null, lang: 'ko' },
  ] as const)('feedback %j survives a round trip', (value) => {
    expect(decodeFeedback(encodeFeedback(value))).toEqual(value);
  });

  it.each([undefined, '', 'mta', 'mta|fr', 'nope|en', 'mta|en|mkt|x', 'mta|en|bad name', 'mta|en|', 'MTA|en'])('rejects show-module value %j', (text) => {
    expect(decodeShowModule(text)).toBeUndefined();
  });

  it.each([undefined, 'helpful|mta', 'great|mta|en', 'helpful|nope|en', 'helpful|mta|en|x'])('rejects feedback value %j', (text) => {
    expect(decodeFeedback(text)).toBeUndefined();
  });

  it('matches action ids with or without an index', () => {
    const pattern = actionPattern('show_module');
    expect(['show_module', 'show_module_0', 'show_module_12'].every((id) => pattern.test(id))).toBe(true);
    expect(['show_modules', 'xshow_module', 'show_module_x'].some((id) => pattern.test(id))).toBe(false);
  });
});

describe('acknowledgeFeedback', () => {
  const card: ReturnedBlock[] = [
    { type: 'header', block_id: 'h', text: { type: 'plain_text', text: 'Likely module: MTA' } },
    { type: 'context', block_id: `${FEEDBACK_BLOCK_ID}_prompt`, elements: [] },
    { type: 'actions', block_id: FEEDBACK_BLOCK_ID, elements: [] },
  ];

  it('swaps the prompt and buttons for a thank-you naming the voter', () => {
    const blocks = acknowledgeFeedback(card, 'helpful', 'en', 'U0HUMAN1') ?? [];
    expect(blocks.map((b) => b.block_id)).toEqual(['h', FEEDBACK_BLOCK_ID]);
    expect(JSON.stringify(blocks[1])).toContain(LABELS.en.thanksHelpful);
    expect(JSON.stringify(blocks[1])).toContain('<@U0HUMAN1>');
  });

  it('does not turn an odd user id into markup', () => {
    const blocks = acknowledgeFeedback(card, 'not_it', 'ko', '<!channel>') ?? [];
    expect(JSON.stringify(blocks)).not.toContain('<!channel>');
    expect(JSON.stringify(blocks)).toContain(LABELS.ko.thanksNotIt.slice(0, 10));
  });

  it('returns nothing when there is no feedback row to replace', () => {
    expect(acknowledgeFeedback(undefined, 'helpful', 'en')).toBeUndefined();
    expect(acknowledgeFeedback([card[0] as ReturnedBlock], 'helpful', 'en')).toBeUndefined();
  });
});
