import type { Activity } from 'botbuilder';
import type { Request, Response } from 'express';
import type { TeamsConfig } from '../config.js';
import { TEAMS_LIMITS } from '../render/limits.js';
import { ActivityShapeError, checkActivityShape } from './activity-shape.js';
import { createTeamsAdapter, type IdentityEndpoints } from './adapter.js';
import { answerDue } from './answer-deadline.js';
import { authRefusal } from './auth-failure.js';
import { TriageBot, type TriageBotDeps } from './bot.js';
import { teamsErrorFields } from './error-fields.js';
import { refuseLocalRequest, refuseLocalServiceUrl, type Refusal } from './local-mode.js';
import { ActivityBodyError, readActivityBody } from './request-body.js';
import { withSdkConsole } from './sdk-console.js';
import { ANSWER_BUDGET_MS, CONNECTOR_TIMEOUT_MS, IDENTITY_TIMEOUT_MS, INVOKE_BUDGET_MS, SIGN_IN_TIMEOUT_MS } from './timeouts.js';

/** Knobs tests turn: shorter timeouts, and a local identity provider to forge tokens against. */
export interface TeamsEndpointOptions {
  connectorTimeoutMs?: number;
  identityTimeoutMs?: number;
  signInTimeoutMs?: number;
  /** Default ANSWER_BUDGET_MS. */
  answerBudgetMs?: number;
  /** Default INVOKE_BUDGET_MS. */
  invokeBudgetMs?: number;
  identity?: IdentityEndpoints;
}

export interface TeamsHandlerDeps extends TriageBotDeps, TeamsEndpointOptions {
  config: TeamsConfig;
}

/**
 * The answer when a connector call timed out. The channel counts any 2xx as delivered and does not
 * resend the activity (which would answer it twice); 202 rather than botbuilder's 200 because the
 * activity was received but its turn did not finish.
 */
const ACCEPTED = 202;

function sendRefusal(res: Response, refusal: Refusal): void {
  if (refusal.status === 401) res.set('www-authenticate', 'Bearer');
  // The rest of a body too large is not read: the connection cannot carry another request after it.
  if (refusal.status === 413) res.set('connection', 'close');
  res.status(refusal.status).json({ error: refusal.error });
}

function bodyRefusal(error: ActivityBodyError | ActivityShapeError): Refusal {
  return { status: error.status, error: error.status === 413 ? 'activity too large' : 'invalid activity', code: error.code };
}

/** The `POST /api/messages` handler: checks who is calling and what they sent, then answers with Adaptive Cards. */
export function createTeamsHandler(deps: TeamsHandlerDeps): (req: Request, res: Response) => Promise<void> {
  const { log } = deps;
  const local = !deps.config.appId;
  const adapter = createTeamsAdapter({
    config: deps.config,
    log,
    connectorTimeoutMs: deps.connectorTimeoutMs ?? CONNECTOR_TIMEOUT_MS,
    identityTimeoutMs: deps.identityTimeoutMs ?? IDENTITY_TIMEOUT_MS,
    signInTimeoutMs: deps.signInTimeoutMs ?? SIGN_IN_TIMEOUT_MS,
    identity: deps.identity,
  });
  const bot = new TriageBot(deps);
  const budgets = { answerMs: deps.answerBudgetMs ?? ANSWER_BUDGET_MS, invokeMs: deps.invokeBudgetMs ?? INVOKE_BUDGET_MS };
  log.info('teams: bot endpoint ready', {
    authentication: local ? 'off (local mode, Bot Framework Emulator)' : 'on',
    appType: deps.config.appType,
  });

  const refused = (res: Response, refusal: Refusal, cause?: unknown): void => {
    log.warn('teams: request refused', { status: refusal.status, code: refusal.code, ...(cause !== undefined && { cause: teamsErrorFields(cause) }) });
    sendRefusal(res, refusal);
  };

  async function handle(req: Request, res: Response): Promise<void> {
    // Teams counts from when it sent the activity: reading and checking it come out of the budget too.
    const receivedAt = Date.now();
    if (local) {
      const refusal = refuseLocalRequest({ origin: req.headers.origin, host: req.headers.host, contentType: req.headers['content-type'] });
      if (refusal) return refused(res, refusal);
    }
    // Without a token nothing else is worth reading: 401, whatever the body holds.
    if (!local && !req.headers.authorization) return refused(res, { status: 401, error: 'unauthorized', code: 'TEAMS_UNAUTHORIZED' });
    let activity: Activity;
    try {
      // checkActivityShape vouches for every field botbuilder and the bot read; the cast only tells the compiler.
      activity = checkActivityShape(await readActivityBody(req, TEAMS_LIMITS.inboundBytes)) as unknown as Activity;
    } catch (error) {
      if (!(error instanceof ActivityBodyError || error instanceof ActivityShapeError)) throw error;
      return refused(res, bodyRefusal(error), error);
    }
    if (local) {
      const refusal = refuseLocalServiceUrl(activity.serviceUrl);
      if (refusal) return refused(res, refusal);
    }
    const authenticated = await adapter.authenticate(activity, req.headers.authorization ?? '').catch((error: unknown) => {
      refused(res, authRefusal(error), error);
      return undefined;
    });
    if (!authenticated) return;
    const turn = await adapter.runTurn(authenticated, activity, answerDue(activity.type, receivedAt, budgets), (context) => bot.run(context));
    if (turn.dropped) {
      res.status(ACCEPTED).end();
    } else if (turn.invoke?.body !== undefined) {
      res.status(turn.invoke.status).json(turn.invoke.body);
    } else {
      res.status(turn.invoke?.status ?? 200).end();
    }
  }

  return (req, res) => withSdkConsole(log, () => handle(req, res));
}
