import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';
import { labelsFor } from '../render/labels.js';
import { withDeadline } from '../deadline.js';
import { timeLeft } from './answer-deadline.js';
import { ConnectorCallError, isConnectorTimeout } from './connector-http.js';
import { langOfActivity } from './conversation.js';
import { teamsErrorFields } from './error-fields.js';
import { SignInTimeoutError } from './sign-in.js';
import { APOLOGY_MIN_MS } from './timeouts.js';

/** turnState key set when a connector call of the turn timed out: the activity was received, its answer may not have been. */
export const ANSWER_DROPPED = Symbol('teams: answer dropped');

/**
 * turnState key: what to tell the user instead of the apology when the turn's work was done and
 * only its answer failed. A recorded vote is "noted": "try again" would be dropped as a second vote.
 */
export const INSTEAD_OF_APOLOGY = Symbol('teams: instead of the apology');

/** Logs an answer that may not have been delivered: the connector, or Microsoft's sign-in, did not answer in time. */
export function logDroppedAnswer(log: Logger, error: unknown, activityType: string): void {
  const reason = error instanceof SignInTimeoutError ? 'Microsoft sign-in gave no token in time' : 'the connector did not answer in time';
  log.warn('teams: answer dropped', { reason, ...teamsErrorFields(error), activityType });
}

function dropped(context: TurnContext, log: Logger, error: unknown): void {
  context.turnState.set(ANSWER_DROPPED, true);
  logDroppedAnswer(log, error, String(context.activity.type));
}

/**
 * botbuilder's onTurnError: logs the failure and, but for an invoke, apologises once in the asker's
 * language, within the time left to answer Teams (none when too little is left). After a connector
 * timeout the turn just ends (the answer may have landed; the apology would hang too), and after a
 * sign-in timeout too (the apology would need the same sign-in).
 * It never throws: a throw here would fail the HTTP request with botbuilder's own text.
 */
export function createTurnErrorHandler(log: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    try {
      if (isConnectorTimeout(error)) {
        dropped(context, log, error);
        return;
      }
      const { activity } = context;
      log.error('teams: turn failed', { ...teamsErrorFields(error), activityType: String(activity.type), conversationType: activity.conversation?.conversationType });
      // An invoke comes from a dialog or a button only the person sees, and Teams tells them it
      // failed; an apology would go to everyone in the conversation.
      if (activity.type === 'invoke') return;
      const left = timeLeft(context);
      if (left < APOLOGY_MIN_MS) {
        log.warn('teams: too late to tell the user that the turn failed', { timeLeftMs: left });
        return;
      }
      try {
        const instead: unknown = context.turnState.get(INSTEAD_OF_APOLOGY);
        const apology = context.sendActivity(typeof instead === 'string' ? instead : labelsFor(langOfActivity(activity)).error);
        await withDeadline(apology, left, () => new ConnectorCallError('CONNECTOR_TIMEOUT', `connector: no answer within the ${left} ms left to answer Teams`));
      } catch (sendError) {
        if (isConnectorTimeout(sendError)) context.turnState.set(ANSWER_DROPPED, true);
        log.error('teams: could not tell the user that the turn failed', teamsErrorFields(sendError));
      }
    } catch {
      // Only logging itself can get here; there is nobody left to tell.
    }
  };
}
