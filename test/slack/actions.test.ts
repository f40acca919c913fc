import { escapeSlack } from '../../src/render/escape.js';
import { describe, expect, it } from 'vitest';
import {
  actionPattern,
  decodeCorrection,
  decodeFeedback,
  decodeShowModule,
  encodeCorrection,
  encodeFeedback,
  encodeShowModule,
  FEEDBACK_BLOCK_ID,
} from '../../src/slack/actions.js';
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
    { verdict: 'not_it', module: 'web', lang: 'en', confidence: 0.412, candidates: ['mta', 'tracking'], question: 'pages | links are <b>down</b>' },
  ] as const)('feedback %j survives a round trip', (value) => {
    expect(decodeFeedback(encodeFeedback(value))).toEqual(value);
  });

  it('gives back the question as typed, though the card carries it escaped like all user text', () => {
    const typed = 'pages <b>down</b> & "&lt;" shown literally';
    const value = encodeFeedback({ verdict: 'not_it', module: 'web', lang: 'en', question: escapeSlack(typed) });
    expect(value).not.toContain('<b>');
    expect(decodeFeedback(value)?.question).toBe(typed);
  });

  it('still reads the three-field feedback values of cards posted before verdicts carried more', () => {
    expect(decodeFeedback('helpful|mta|en')).toEqual({ verdict: 'helpful', module: 'mta', lang: 'en' });
  });

  it('reads back a correction option and refuses a forged one', () => {
    const value = { verdictId: '0b8f6a52-3c1e-4f7a-9d2b-6e5c4a3b2a19', module: 'wfserver', lang: 'ko' } as const;
    expect(decodeCorrection(encodeCorrection(value))).toEqual(value);
    const voted = { ...value, voter: 'U0HUMAN1' };
    expect(decodeCorrection(encodeCorrection(voted))).toEqual(voted);
    for (const forged of [
      'x|mta|en',
      `${value.verdictId}|nope|en`,
      `${value.verdictId}|mta|es`,
      `${value.verdictId}|mta|en|x`,
      `${value.verdictId}|mta|en|U0HUMAN1|x`,
      undefined,
    ]) {
      expect(decodeCorrection(forged)).toBeUndefined();
    }
  });

  it.each([undefined, '', 'mta', 'mta|es', 'nope|en', 'mta|en|mkt|x', 'mta|en|bad name', 'mta|en|', 'MTA|en'])('rejects show-module value %j', (text) => {
    expect(decodeShowModule(text)).toBeUndefined();
  });

  it.each([undefined, 'helpful|mta', 'great|mta|en', 'helpful|nope|en', 'helpful|mta|en|x', 'helpful|mta|en|2|', 'helpful|mta|en|0.5|nope|q'])(
    'rejects feedback value %j',
    (text) => {
      expect(decodeFeedback(text)).toBeUndefined();
    },
  );

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
