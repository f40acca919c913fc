import { carriedInstance } from '../core/instance.js';
import type { App, BlockAction, ButtonAction, RespondFn, StaticSelectAction } from '@slack/bolt';
import type { FeedbackSink } from '../core/feedback.js';
import type { EventDedupe } from '../event-dedupe.js';
import type { Triage } from '../core/triage.js';
import type { Logger } from '../logger.js';
import { escapeSlack } from '../render/escape.js';
import { labelsFor } from '../render/labels.js';
import { actionPattern, decodeCorrection, decodeFeedback, decodeShowModule, SLACK_ACTIONS } from './actions.js';
import { renderSlack, type SlackRenderOptions } from './blocks.js';
import { acknowledgeCorrection, correctionMenu, correctionNoted } from './correction-blocks.js';
import { acknowledgeFeedback, feedbackThanks, type ReturnedBlock } from './feedback-ack.js';

export interface ButtonHandlerDeps {
  triage: Triage;
  feedback: FeedbackSink;
  log: Logger;
  renderOptions: SlackRenderOptions;
  /** Remembers which cards were voted on: the first vote replaces the buttons, and a double click or a replayed click counts once. */
  dedupe: EventDedupe;
}

/** The card a click came from, as `channel:message ts`; an ephemeral card has one too. */
function cardKey(body: BlockAction): string | undefined {
  const container = body.container as { channel_id?: string; message_ts?: string } | undefined;
  const channel = body.channel?.id ?? container?.channel_id;
  const ts = container?.message_ts ?? (body.message as { ts?: string } | undefined)?.ts;
  return channel && ts ? `${channel}:${ts}` : undefined;
}

/** Where a clicked card sits: only the clicker sees an ephemeral one, and Slack sends no copy of it. */
function clickedCard(body: BlockAction): { shared: boolean; threadTs?: string } {
  const container = body.container as { is_ephemeral?: boolean } | undefined;
  const message = body.message as { thread_ts?: string } | undefined;
  const shared = container?.is_ephemeral !== true && message !== undefined;
  return { shared, ...(message?.thread_ts && { threadTs: message.thread_ts }) };
}

/** Wires the card buttons: other candidates and related modules, Helpful / Not it, and documentation links. */
export function registerButtonHandlers(app: App, deps: ButtonHandlerDeps): void {
  const { triage, log, renderOptions } = deps;

  app.action<BlockAction<ButtonAction>>(actionPattern(SLACK_ACTIONS.showModule), async ({ ack, action, body, respond }) => {
    await ack();
    const value = decodeShowModule(action.value);
    const module = value && triage.knowledge.byId.get(value.module);
    if (!value || !module) {
      // The value is whatever the click carried: it is not logged.
      log.warn('slack: ignored a show-module click with an unknown value', { actionId: action.action_id });
      return;
    }
    // The instance the first card used carries over, so the commands stay on the instance the asker named.
    const instance = value.instance ? { instance: carriedInstance(value.instance) } : {};
    const card = renderSlack({ kind: 'module', lang: value.lang, module, ...instance }, renderOptions);
    const { shared, threadTs } = clickedCard(body);
    // Looking at another module is one person's reading: the card the team shares stays as it was.
    if (shared) await respond({ response_type: 'ephemeral', replace_original: false, ...(threadTs && { thread_ts: threadTs }), ...card });
    else await respond({ replace_original: true, ...card });
  });

  const onFeedback = async ({ ack, action, body, respond }: { ack: () => Promise<void>; action: ButtonAction; body: BlockAction; respond: RespondFn }) => {
    await ack();
    const value = decodeFeedback(action.value);
    if (!value) {
      log.warn('slack: ignored a feedback click with an unknown value', { actionId: action.action_id });
      return;
    }
    const card = cardKey(body);
    if (card && !(await deps.dedupe.claim(`vote:slack:${card}`))) {
      log.info('slack: dropped a second vote on a card');
      return;
    }
    const verdictId = await deps.feedback.record({ ...value, platform: 'slack', user: body.user.id, at: new Date() });
    const labels = labelsFor(value.lang);
    const thanks = escapeSlack(value.verdict === 'helpful' ? labels.thanksHelpful : labels.thanksNotIt);
    const menu: ReturnedBlock[] = value.verdict === 'not_it' ? [{ ...correctionMenu(verdictId, value.candidates, value.lang, body.user.id) }] : [];
    const blocks = acknowledgeFeedback(body.message?.blocks as ReturnedBlock[] | undefined, value.verdict, value.lang, body.user.id, menu);
    try {
      if (blocks) await respond({ replace_original: true, text: String(body.message?.text ?? thanks), blocks });
      else await respond({ response_type: 'ephemeral', replace_original: false, text: thanks, blocks: [feedbackThanks(value.verdict, value.lang, body.user.id), ...menu] });
    } catch (error) {
      // The verdict is recorded: the error handler's "please try again" would lead to a click dropped as a second vote.
      log.warn('slack: vote recorded, but the card could not be updated', { cause: error });
    }
  };
  app.action<BlockAction<ButtonAction>>(actionPattern(SLACK_ACTIONS.feedbackHelpful), onFeedback);
  app.action<BlockAction<ButtonAction>>(actionPattern(SLACK_ACTIONS.feedbackNotIt), onFeedback);
  app.action<BlockAction<StaticSelectAction>>(actionPattern(SLACK_ACTIONS.correctModule), async ({ ack, action, body, respond }) => {
    await ack();
    const value = decodeCorrection(action.selected_option?.value);
    if (!value) {
      log.warn('slack: ignored a correction with an unknown value', { actionId: action.action_id });
      return;
    }
    const { lang } = value;
    // The voter says which module it was, once: a second pick or another person's would overwrite the verdict's.
    if (value.voter !== undefined && value.voter !== body.user.id) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: escapeSlack(labelsFor(lang).correctionNotYours) });
      return;
    }
    if (!(await deps.dedupe.claim(`correction:slack:${value.verdictId}`))) {
      log.info('slack: dropped a second correction of a verdict');
      return;
    }
    await deps.feedback.correct({ verdictId: value.verdictId, module: value.module, at: new Date() });
    const blocks = acknowledgeCorrection(body.message?.blocks as ReturnedBlock[] | undefined, value.module, lang);
    const noted = escapeSlack(labelsFor(lang).correctionThanks(value.module));
    if (blocks) await respond({ replace_original: true, text: String(body.message?.text ?? noted), blocks });
    else await respond({ response_type: 'ephemeral', replace_original: false, text: noted, blocks: [correctionNoted(value.module, lang)] });
  });
  // Link buttons open in the browser, but Slack still posts the click and wants it acknowledged.
  app.action(actionPattern(SLACK_ACTIONS.openDocs), async ({ ack }) => ack());
}
