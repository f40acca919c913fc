import { ActivityHandler, ActivityTypes, CardFactory, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { FeedbackSink } from '../core/feedback.js';
import { createMemoryDedupe, type EventDedupe } from '../event-dedupe.js';
import type { Triage } from '../core/triage.js';
import type { Logger } from '../logger.js';
import { renderTeamsCorrection, renderTeamsWelcome, type TeamsMessage } from './card.js';
import { voterTag } from './card-action.js';
import { isConnectorTimeout } from './connector-http.js';
import { decideTeamsOutcome, langFromLocale } from './conversation.js';
import { teamsErrorFields } from './error-fields.js';
import { CARD_BUTTON_CLICKED } from './message-action.js';
import { answerMessageAction } from './message-action-turn.js';
import { createRepeatGuard } from './repeat-guard.js';
import { stripTeamsMentions } from './strip-mentions.js';
import { INSTEAD_OF_APOLOGY } from './turn-error.js';
import { shortDigest } from './short-digest.js';
import { userIdOf } from './user-id.js';
import { SentCards, withVoteThanks } from './voted-card.js';
import type { Verdict } from '../core/feedback.js';
import type { Lang } from '../core/types.js';

export interface TriageBotDeps {
  triage: Triage;
  feedback: FeedbackSink;
  instance?: string | undefined;
  /** CAMPAIGN_INSTANCES: an instance typed in "Ask campaign-module"'s note is spelled as listed here. */
  instances?: readonly string[] | undefined;
  log: Logger;
  /** Activity ids already answered and cards already voted on, shared by replicas; without it, this process's memory. */
  dedupe?: EventDedupe;
}

function cardActivity(message: TeamsMessage): Partial<Activity> {
  return { type: ActivityTypes.Message, summary: message.text, attachments: [CardFactory.adaptiveCard(message.card)] };
}

/** Channel messages are answered in their thread; personal and group chats have no threads, so answers go straight in. */
function replyInThread(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'channel';
}

/** Makes this turn's messages new posts in the conversation instead of replies to the incoming activity. */
function sendDirectly(context: TurnContext): void {
  context.onSendActivities(async (_ctx, activities, next) => {
    for (const outgoing of activities) delete outgoing.replyToId;
    return next();
  });
}

interface BotDeps extends TriageBotDeps {
  dedupe: EventDedupe;
  /** Claims a key for a short while (repeat-guard.ts). */
  claimRepeat(key: string): Promise<boolean>;
  sentCards: SentCards;
}

/** The card a button was pressed on, for this person: `<conversation>:<card id>:<user>`; undefined when Teams did not say which card. */
function cardAndUser(context: TurnContext): string | undefined {
  const { activity } = context;
  return activity.replyToId && activity.conversation?.id ? `${activity.conversation.id}:${activity.replyToId}:${userIdOf(activity) ?? '-'}` : undefined;
}

/** A vote told by who cast it, where, and what its button carried, for a card Teams did not name. */
function sameVote(context: TurnContext): string {
  const { activity } = context;
  return `${activity.conversation?.id ?? '-'}:${userIdOf(activity) ?? '-'}:${shortDigest(JSON.stringify(activity.value ?? null))}`;
}

/** The channel redelivers an activity it saw no answer to; whichever replica gets it again, it is answered once. */
async function isFirstDelivery(context: TurnContext, deps: BotDeps): Promise<boolean> {
  const { id } = context.activity;
  if (!id || (await deps.dedupe.claim(`teams:${id}`))) return true;
  deps.log.info('teams: dropped repeated activity', { activityType: String(context.activity.type) });
  return false;
}

/**
 * Swaps the voted card's buttons for the thanks line, as Slack does. False when this process did
 * not post that card (another replica did, or it restarted) or Teams refused the update: the
 * thanks then goes in a message of its own.
 */
async function thankOnCard(context: TurnContext, deps: BotDeps, verdict: Verdict, lang: Lang): Promise<boolean> {
  const { replyToId, conversation } = context.activity;
  const sent = replyToId && conversation?.id ? deps.sentCards.take(conversation.id, replyToId) : undefined;
  const thanked = sent && withVoteThanks(sent, verdict, lang);
  if (!replyToId || !thanked) return false;
  try {
    await context.updateActivity({ ...cardActivity(thanked), id: replyToId });
    return true;
  } catch (error) {
    // The update may have landed: a thanks message below it would say the same twice.
    if (isConnectorTimeout(error)) throw error;
    deps.log.warn('teams: vote recorded, but the card could not be updated', teamsErrorFields(error));
    return false;
  }
}

async function answerMessage(context: TurnContext, deps: BotDeps): Promise<void> {
  const { activity } = context;
  if (!replyInThread(context)) sendDirectly(context);
  // Teams sends no text with a picture or a file; a text that is not a string is treated the same way.
  const text = typeof activity.text === 'string' ? stripTeamsMentions(activity.text, activity.entities, activity.recipient?.id) : undefined;
  const outcome = decideTeamsOutcome({ text, value: activity.value, locale: activity.locale }, deps.triage, deps.instance);
  switch (outcome.kind) {
    case 'ignore':
      deps.log.debug('teams: ignored a card action this bot did not write');
      return;
    case 'answer': {
      const sent = await context.sendActivity(cardActivity(outcome.message));
      // Counted for the feedback report once Teams took the card.
      if (outcome.answered) deps.feedback.answered(outcome.answered);
      if (sent?.id && activity.conversation?.id) deps.sentCards.remember(activity.conversation.id, sent.id, outcome.message);
      return;
    }
    case 'feedback': {
      const user = userIdOf(activity);
      // One vote a person a card: a double click or a resent activity is not a second verdict.
      const card = cardAndUser(context);
      // Without the card's id (the Emulator may leave it out), the same vote by the same person within seconds is the double click.
      const first = card ? await deps.dedupe.claim(`vote:teams:${card}`) : await deps.claimRepeat(`vote:teams:${sameVote(context)}`);
      if (!first) {
        deps.log.info('teams: dropped a second vote on a card');
        return;
      }
      const verdictId = await deps.feedback.record({ ...outcome.feedback, ...(user ? { user } : {}), at: new Date() });
      context.turnState.set(INSTEAD_OF_APOLOGY, outcome.acknowledgement);
      const { verdict, candidates, lang } = outcome.feedback;
      const thanked = await thankOnCard(context, deps, verdict, lang);
      if (verdict === 'not_it') await context.sendActivity(cardActivity(renderTeamsCorrection(verdictId, voterTag(verdictId, user ?? '-'), candidates, lang)));
      else if (!thanked) await context.sendActivity(outcome.acknowledgement);
      return;
    }
    case 'correction': {
      const { verdictId } = outcome.correction;
      // The correction card sits in a shared thread: only the person who voted Not it may say which module it was, once.
      if (outcome.voter !== voterTag(verdictId, userIdOf(activity) ?? '-')) {
        deps.log.info('teams: refused a correction from someone who did not vote');
        // Teams has no message only the clicker sees: a short line in the thread says why nothing was saved.
        await context.sendActivity(outcome.notYours);
        return;
      }
      if (!(await deps.dedupe.claim(`correction:teams:${verdictId}`))) {
        deps.log.info('teams: dropped a second correction of a verdict');
        return;
      }
      await deps.feedback.correct({ ...outcome.correction, at: new Date() });
      await context.sendActivity(outcome.acknowledgement);
      return;
    }
    case 'replace': {
      // A double click would post the module's card twice below a channel's card.
      const card = cardAndUser(context);
      if (card && !(await deps.claimRepeat(`show:teams:${card}:${outcome.module}`))) {
        deps.log.info('teams: dropped a repeated module button');
        return;
      }
      // In a channel the card is the team's: the other module goes below it in the thread. Only a
      // personal chat's card, which nobody else reads, is replaced.
      if (activity.replyToId && !replyInThread(context)) {
        try {
          await context.updateActivity({ ...cardActivity(outcome.message), id: activity.replyToId });
          return;
        } catch (error) {
          // A replacement that timed out may have landed: a new card on top would show the module twice.
          if (isConnectorTimeout(error)) throw error;
          deps.log.warn('teams: could not replace the card, sending a new one', teamsErrorFields(error));
        }
      }
      await context.sendActivity(cardActivity(outcome.message));
    }
  }
}

const WELCOME_WINDOW_MS = 60 * 60 * 1000;

/** The bot's behaviour: answers messages and card buttons, and welcomes the team or chat it is added to. */
export class TriageBot extends ActivityHandler {
  private readonly deps: BotDeps;

  constructor(given: TriageBotDeps) {
    super();
    const dedupe = given.dedupe ?? createMemoryDedupe();
    const deps = { ...given, dedupe, sentCards: new SentCards(), claimRepeat: createRepeatGuard(dedupe), claimWelcome: createRepeatGuard(dedupe, WELCOME_WINDOW_MS) };
    this.deps = deps;
    this.onMessage(async (context, next) => {
      if (await isFirstDelivery(context, deps)) await answerMessage(context, deps);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
      // Teams may send the bot-added event again under a new id: one welcome per conversation and hour.
      const welcomed = () => deps.claimWelcome(`welcome:teams:${context.activity.conversation?.id ?? ''}`);
      if (botWasAdded && (await isFirstDelivery(context, deps)) && (await welcomed())) {
        sendDirectly(context);
        await context.sendActivity(cardActivity(renderTeamsWelcome(langFromLocale(context.activity.locale))));
      }
      await next();
    });
  }

  /** "Ask campaign-module" on a message, and buttons on the cards it returned; any other invoke gets botbuilder's default answer. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === CARD_BUTTON_CLICKED) {
      // Result cards carry no such buttons any more; one sent before gets a quiet 200, not an error in Teams.
      this.deps.log.info('teams: ignored a button on a card sent as Ask campaign-module’s result');
      return { status: 200 };
    }
    const answered = await answerMessageAction(context, { ...this.deps, cardActivity });
    return answered ?? super.onInvokeActivity(context);
  }
}
