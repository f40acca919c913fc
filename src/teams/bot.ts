import {
  ActivityHandler,
  ActivityTypes,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import type { Request, Response } from 'express';
import type { TeamsConfig } from '../config.js';
import type { FeedbackSink } from '../core/feedback.js';
import { detectLanguage } from '../core/language.js';
import type { Triage } from '../core/triage.js';
import type { Logger } from '../logger.js';
import { renderTeamsWelcome, type TeamsMessage } from './card.js';
import { labelsFor } from '../render/labels.js';
import { TEAMS_LIMITS } from '../render/limits.js';
import { stripTeamsMentions } from './strip-mentions.js';
import { decideTeamsOutcome, langFromLocale } from './conversation.js';
import { teamsErrorFields } from './error-fields.js';
import { ActivityBodyError, readActivityBody } from './request-body.js';

export interface TeamsHandlerDeps {
  config: TeamsConfig;
  triage: Triage;
  feedback: FeedbackSink;
  instance?: string;
  log: Logger;
}

// botbuilder is archived upstream: this file is the only one that imports it, so moving to its
// successor touches nothing else.

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

async function answerMessage(context: TurnContext, deps: TeamsHandlerDeps): Promise<void> {
  const { activity } = context;
  if (!replyInThread(context)) sendDirectly(context);
  const text = stripTeamsMentions(activity.text ?? '', activity.entities, activity.recipient?.id);
  const outcome = decideTeamsOutcome({ text, value: activity.value }, deps.triage, deps.instance);
  switch (outcome.kind) {
    case 'ignore':
      deps.log.debug('teams: ignored a card action this bot did not write');
      return;
    case 'answer':
      await context.sendActivity(cardActivity(outcome.message));
      return;
    case 'feedback': {
      const user = activity.from?.aadObjectId ?? activity.from?.id;
      await deps.feedback.record({ ...outcome.feedback, ...(user ? { user } : {}), at: new Date() });
      await context.sendActivity(outcome.acknowledgement);
      return;
    }
    case 'replace':
      if (activity.replyToId) {
        try {
          await context.updateActivity({ ...cardActivity(outcome.message), id: activity.replyToId });
          return;
        } catch (error) {
          deps.log.warn('teams: could not replace the card, sending a new one', teamsErrorFields(error));
        }
      }
      await context.sendActivity(cardActivity(outcome.message));
  }
}

class TriageBot extends ActivityHandler {
  constructor(deps: TeamsHandlerDeps) {
    super();
    this.onMessage(async (context, next) => {
      await answerMessage(context, deps);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
      if (botWasAdded) {
        sendDirectly(context);
        await context.sendActivity(cardActivity(renderTeamsWelcome(langFromLocale(context.activity.locale))));
      }
      await next();
    });
  }
}

function createAdapter(deps: TeamsHandlerDeps): CloudAdapter {
  const { config } = deps;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    const { activity } = context;
    deps.log.error('teams: turn failed', {
      ...teamsErrorFields(error),
      activityType: activity.type,
      conversationType: activity.conversation?.conversationType,
    });
    const lang = activity.text ? detectLanguage(activity.text) : langFromLocale(activity.locale);
    try {
      await context.sendActivity(labelsFor(lang).error);
    } catch (sendError) {
      deps.log.error('teams: could not tell the user that the turn failed', teamsErrorFields(sendError));
    }
  };
  return adapter;
}

/** The `POST /api/messages` handler: authenticates Bot Framework requests and answers them with Adaptive Cards. */
export function createTeamsHandler(deps: TeamsHandlerDeps): (req: Request, res: Response) => Promise<void> {
  const adapter = createAdapter(deps);
  const bot = new TriageBot(deps);
  deps.log.info('teams: bot endpoint ready', {
    authentication: deps.config.appId ? 'on' : 'off (local mode, Bot Framework Emulator)',
    appType: deps.config.appType,
  });
  return async (req, res) => {
    try {
      req.body = await readActivityBody(req, TEAMS_LIMITS.inboundBytes);
    } catch (error) {
      if (!(error instanceof ActivityBodyError)) throw error;
      deps.log.warn('teams: rejected a request body', { code: error.code });
      res.status(error.status).end();
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  };
}
