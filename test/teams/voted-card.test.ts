import { describe, expect, it } from 'vitest';
import { FEEDBACK_SECTION_ID, SentCards, withVoteThanks } from '../../src/teams/voted-card.js';
import { LABELS } from '../../src/render/labels.js';

const message = (body: object[]) => ({ text: 'mta - 90 %', card: { type: 'AdaptiveCard', body } });

describe('SentCards', () => {
  it('gives a card back once, for its own conversation only', () => {
    const cards = new SentCards();
    cards.remember('a:personal', 'bot-activity-1', message([]));
    expect(cards.take('19:channel', 'bot-activity-1')).toBeUndefined();
    expect(cards.take('a:personal', 'bot-activity-1')).toEqual(message([]));
    expect(cards.take('a:personal', 'bot-activity-1')).toBeUndefined();
  });

  it('forgets the oldest card first once it holds 500', () => {
    const cards = new SentCards();
    for (let i = 0; i <= 500; i += 1) cards.remember('c', `id-${i}`, message([]));
    expect(cards.take('c', 'id-0')).toBeUndefined();
    expect(cards.take('c', 'id-1')).toBeDefined();
    expect(cards.take('c', 'id-500')).toBeDefined();
  });
});

describe('withVoteThanks', () => {
  it('swaps the feedback section for the thanks line in the voter’s language and keeps the rest', () => {
    const heading = { type: 'TextBlock', text: 'mta' };
    const voted = withVoteThanks(message([heading, { type: 'Container', id: FEEDBACK_SECTION_ID, items: [] }]), 'helpful', 'ko');
    expect(voted?.card).toMatchObject({ type: 'AdaptiveCard', body: [heading, { type: 'RichTextBlock' }] });
    expect(JSON.stringify(voted?.card)).toContain(LABELS.ko.thanksHelpful);
    expect(voted?.text).toBe('mta - 90 %');
  });

  it('leaves a card without feedback buttons alone', () => {
    expect(withVoteThanks(message([{ type: 'TextBlock', text: 'stat' }]), 'not_it', 'en')).toBeUndefined();
  });
});
