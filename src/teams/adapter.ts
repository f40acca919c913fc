import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { TeamsConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { ANSWER_DUE } from './answer-deadline.js';
import { IdentityTimeoutError } from './auth-failure.js';
import { createConnectorHttpClient } from './connector-http.js';
import { withDeadline } from '../deadline.js';
import { credentialsWithDeadline } from './sign-in.js';
import { ANSWER_DROPPED, createTurnErrorHandler } from './turn-error.js';

/** Where tokens are checked: Microsoft's identity provider unless a test points elsewhere. */
export interface IdentityEndpoints {
  openIdMetadataUrl: string;
  tokenIssuer: string;
}

export interface TeamsAdapterOptions {
  config: TeamsConfig;
  log: Logger;
  connectorTimeoutMs: number;
  identityTimeoutMs: number;
  signInTimeoutMs: number;
  identity?: IdentityEndpoints | undefined;
}

type AuthenticatedRequest = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

export interface TurnOutcome {
  /** What botbuilder answers for the activity (200, or an invoke's own status and body). */
  invoke: InvokeResponse | undefined;
  /** A connector call timed out: the activity was received, its answer may not have been delivered. */
  dropped: boolean;
}

/** The Bot Framework side of the endpoint, in two steps so an authentication failure is never mistaken for a failed turn. */
export interface TeamsAdapter {
  /** Checks the request's token (nothing to check in local mode); throws when it is not valid or cannot be checked. */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticatedRequest>;
  /**
   * Runs the bot for an authenticated activity whose answer is due at `dueAt` (kept in the turn's
   * state, see answer-deadline.ts); turn failures are handled inside, so this only throws for a broken SDK.
   */
  runTurn(request: AuthenticatedRequest, activity: Activity, dueAt: number, logic: (context: TurnContext) => Promise<void>): Promise<TurnOutcome>;
}

class TeamsCloudAdapter extends CloudAdapter {
  // CloudAdapter.process would answer an authentication failure with the SDK's own text and
  // status 500; the endpoint authenticates first and hands over here.
  runAuthenticated(request: AuthenticatedRequest, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(request, activity, logic);
  }
}

function authConfiguration(config: TeamsConfig, identity: IdentityEndpoints | undefined) {
  const app = {
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? '',
  };
  if (!identity) return app;
  // botbuilder takes a custom token issuer only as part of a full public-cloud description.
  return {
    ...app,
    ToBotFromChannelTokenIssuer: identity.tokenIssuer,
    ToBotFromChannelOpenIdMetadataUrl: identity.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: identity.openIdMetadataUrl,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** Builds botbuilder's CloudAdapter with our connector HTTP client (timeout, no retries) and turn error handler. */
export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const configuration = authConfiguration(options.config, options.identity);
  const credentials = credentialsWithDeadline(configuration, options.signInTimeoutMs);
  const auth = new ConfigurationBotFrameworkAuthentication(configuration, credentials, undefined, undefined, {
    httpClient: createConnectorHttpClient(options.connectorTimeoutMs),
  });
  const adapter = new TeamsCloudAdapter(auth);
  adapter.onTurnError = createTurnErrorHandler(options.log);
  return {
    // The OpenID documents are fetched without a timeout by botbuilder: an identity provider that never answers would hold the request.
    authenticate: (activity, authorization) =>
      withDeadline(auth.authenticateRequest(activity, authorization), options.identityTimeoutMs, () => new IdentityTimeoutError(options.identityTimeoutMs)),
    async runTurn(request, activity, dueAt, logic) {
      // The context is revoked when the turn ends; its state map, which onTurnError writes to, is not.
      let turnState: TurnContext['turnState'] | undefined;
      const invoke = await adapter.runAuthenticated(request, activity, async (context) => {
        turnState = context.turnState;
        context.turnState.set(ANSWER_DUE, dueAt);
        await logic(context);
      });
      return { invoke, dropped: turnState?.get(ANSWER_DROPPED) === true };
    },
  };
}
