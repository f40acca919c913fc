import type { TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { LABELS } from '../../src/render/labels.js';
import { ANSWER_DUE } from '../../src/teams/answer-deadline.js';
import { createTurnErrorHandler } from '../../src/teams/turn-error.js';

/** The parts of a TurnContext the handler reads, with the answer due in 10 s. */
function contextFor(activity: Record<string, unknown>): { context: TurnContext; sent: unknown[] } {
  const sent: unknown[] = [];
  const turnState = new Map<unknown, unknown>([[ANSWER_DUE, Date.now() + 10_000]]);
  const context = {
    activity,
    turnState,
    sendActivity: async (reply: unknown) => {
      sent.push(reply);
      return { id: 'bot-activity-1' };
    },
  } as unknown as TurnContext;
  return { context, sent };
}

describe('createTurnErrorHandler', () => {
  const lines: string[] = [];
  const onTurnError = createTurnErrorHandler(createLogger({ level: 'debug', write: (line) => lines.push(line) }));

  it('apologises in the conversation after a failed message', async () => {
    const { context, sent } = contextFor({ type: 'message', text: 'emails stuck', locale: 'en-US' });
    await onTurnError(context, new Error('store: disk full'));
    expect(sent).toEqual([LABELS.en.error]);
  });

  it('says nothing in the conversation after a failed invoke: it came from a dialog only its sender sees', async () => {
    const { context, sent } = contextFor({ type: 'invoke', name: 'composeExtension/submitAction', locale: 'en-US', conversation: { conversationType: 'channel' } });
    lines.length = 0;
    await onTurnError(context, new Error('render: unexpected'));
    expect(sent).toEqual([]);
    expect(lines.join('\n')).toContain('teams: turn failed');
  });
});
