import { App, ExpressReceiver, SocketModeReceiver, webApi, type CodedError } from '@slack/bolt';
import { EnvHttpProxyAgent } from 'undici';
import type { Router } from 'express';
import type { FeedbackSink } from '../core/feedback.js';
import { detectLanguage } from '../core/language.js';
import type { Triage } from '../core/triage.js';
import type { SlackConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { renderSlackError } from './blocks.js';
import { replyThreadTs } from './reply-thread.js';
import { createBoltLogger } from './bolt-logger.js';
import type { EventDedupe } from '../event-dedupe.js';
import { registerSlackHandlers } from './handlers.js';
import { refuseStaleOrFutureRequests } from './request-freshness.js';
import { refuseMalformedRequests } from './request-shape.js';
import { SLACK_EVENTS_PATH, slackModeOf } from './request-url.js';
import { createSlackFetch, isSlackCallTimeout, SLACK_RETRY_POLICY, type SlackRetryPolicy } from './slack-fetch.js';
import type { SlackBotIdentity } from './identify.js';

export interface SlackAdapterDeps {
  config: SlackConfig;
  instance?: string;
  /** CAMPAIGN_INSTANCES, shown on the Home tab. */
  instances?: string[];
  triage: Triage;
  feedback: FeedbackSink;
  log: Logger;
  /** Who the token belongs to, asked by the server before Bolt loads (identifySlackBot). */
  identity: SlackBotIdentity;
  /** HTTP mode mounts POST /slack/events on this router; Socket Mode leaves it alone. */
  router: Router;
  /** Timeout and retries of every call to Slack; tests shorten them. Production uses SLACK_RETRY_POLICY. */
  retry?: SlackRetryPolicy;
  /** Which events were already answered; in memory unless a shared store is given. */
  dedupe?: EventDedupe;
  /** HTTPS_PROXY is set: Socket Mode's WebSocket must dial through it too (fetch already does). */
  behindProxy?: boolean;
}

export interface SlackAdapter {
  mode: 'http' | 'socket';
  app: App;
  botUserId: string;
  /** Opens the Socket Mode connection; nothing to do over HTTP, where the server's listen is enough. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface ErrorBody {
  type?: string;
  event?: { type?: string; channel?: string; channel_type?: string; user?: string; ts?: string; thread_ts?: string; text?: string };
  response_url?: string;
  actions?: Array<{ action_id?: string }>;
}

const ASKED_IN = new Set(['app_mention', 'message']);
/** Slack's answers that no later post to the channel can get past. */
const CHANNEL_REFUSALS = new Set(['not_in_channel', 'is_archived', 'channel_not_found']);

/**
 * Bolt's error handler: logs the cause (the logger redacts any token) and tells the user in
 * neutral words, once. After a timeout it stays silent: Slack may still post the answer, and an
 * apology next to it would be wrong.
 */
function handleErrors(app: App, log: Logger, slackFetch: typeof fetch): void {
  app.error(async ({ error, body }: { error: CodedError; body: unknown }) => {
    const b = body as ErrorBody;
    const cause = (error as CodedError & { original?: unknown }).original ?? error;
    const slackError = (cause as { data?: { error?: string } }).data?.error;
    const context = { code: error.code, slackError, cause, bodyType: b.type, action: b.actions?.[0]?.action_id };
    if (isSlackCallTimeout(error)) {
      log.warn('slack: gave up waiting for Slack; the answer may still appear', context);
      return;
    }
    log.error('slack: handler failed', context);
    if (slackError && CHANNEL_REFUSALS.has(slackError)) return; // the channel refuses every post, the apology too
    const reply = renderSlackError(detectLanguage(b.event?.text ?? ''));
    try {
      // Only where someone asked: a Home tab that failed to open is no question, and its channel is the user's DM.
      if (b.type === 'event_callback' && b.event?.channel && ASKED_IN.has(b.event.type ?? '')) {
        const threadTs = replyThreadTs(b.event);
        const where = { channel: b.event.channel, ...(threadTs && { thread_ts: threadTs }), ...reply };
        // chat.postMessage's limit is the one that refused the answer; chat.postEphemeral has a limit of its own.
        if ((cause as { code?: string }).code === webApi.ErrorCode.RateLimitedError && b.event.user) await app.client.chat.postEphemeral({ ...where, user: b.event.user });
        else await app.client.chat.postMessage(where);
      } else if ((b.type === 'block_actions' || b.type === 'message_action') && b.response_url) {
        const res = await slackFetch(b.response_url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...reply }),
        });
        if (!res.ok) throw new Error(`response_url: HTTP ${res.status}`);
      }
      // Slash commands already answered with the error sentence in their ack.
    } catch (notifyError) {
      log.warn('slack: could not tell the user about the failure', { cause: notifyError });
    }
  });
}

/** Builds the Bolt app over HTTP (ExpressReceiver on the server's router) or Socket Mode. */
export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { config, log } = deps;
  const logger = createBoltLogger(log);
  // Bolt's respond() uses this fetch too, so response_url posts follow the same rules as the Web API.
  const slackFetch = createSlackFetch(deps.retry ?? SLACK_RETRY_POLICY);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.apiUrl && { slackApiUrl: config.apiUrl }),
    fetch: slackFetch,
    // The client's own retries would repeat a post after a timeout or a 500; slackFetch decides instead.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger,
  };
  const { botId, botUserId } = deps.identity;
  const mode = slackModeOf(config);
  // Mounted before the receiver, so it runs first: Bolt checks the signature and the past, not the future.
  if (mode === 'http') deps.router.post(SLACK_EVENTS_PATH, refuseStaleOrFutureRequests(log), refuseMalformedRequests(config.signingSecret, log));
  const receiver =
    mode === 'http'
      ? new ExpressReceiver({ signingSecret: config.signingSecret, router: deps.router, endpoints: SLACK_EVENTS_PATH, logger })
      : new SocketModeReceiver({
          appToken: config.appToken ?? '',
          logger,
          // What Bolt passes when it builds this receiver itself: the Web API calls use our fetch.
          installerOptions: { clientOptions },
          // The SDK dials the WebSocket with a dispatcher of its own, which knows no proxy.
          ...(deps.behindProxy && { dispatcher: new EnvHttpProxyAgent() }),
        });
  const app = new App({
    token: config.botToken,
    botId,
    botUserId,
    logger,
    clientOptions,
    extendedErrorHandler: true,
    receiver,
    ...(mode === 'socket' && { socketMode: true }),
  });
  registerSlackHandlers(app, deps);
  handleErrors(app, log, slackFetch);
  return {
    mode,
    app,
    botUserId,
    start: async () => {
      if (mode === 'socket') await app.start();
    },
    stop: async () => {
      if (mode === 'socket') await app.stop();
    },
  };
}
