import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Config } from './config.js';
import type { FeedbackSink } from './core/feedback.js';
import type { Triage } from './core/triage.js';
import { createInFlight, SHUTDOWN_GRACE_MS, type InFlight } from './in-flight.js';
import type { Logger } from './logger.js';
import type { SlackAdapter, SlackAdapterDeps } from './slack/app.js';
import type { EventDedupe } from './event-dedupe.js';
import { identifySlackBot } from './slack/identify.js';
import { SLACK_EVENTS_PATH, slackModeOf } from './slack/request-url.js';
import type { StoreHealth } from './store/recorder.js';
import type { TeamsEndpointOptions } from './teams/endpoint.js';
import { isLoopback } from './teams/loopback.js';
import { proxyIsSet } from './proxy.js';

export const HEALTH_PATH = '/healthz';
/** The longest a request may take to arrive, headers and body. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** How long after listening a configured platform's SDK loads if its first request has not loaded it already. */
export const PRELOAD_AFTER_MS = 1_000;
export const TEAMS_PATH = '/api/messages';

export interface ServerDeps {
  config: Config;
  triage: Triage;
  feedback: FeedbackSink;
  log: Logger;
  /** Slack event ids and Teams activity ids already answered, shared by replicas through the store; in memory without it. */
  dedupe?: EventDedupe;
  /** Whether the store answers: /healthz says `degraded` when it does not. */
  storeHealth?: () => Promise<StoreHealth>;
  /** Tests shorten Slack's Web API back-off. */
  slackRetry?: SlackAdapterDeps['retry'];
  /** Tests shorten the Teams timeouts and point token checks at a local identity provider. */
  teams?: TeamsEndpointOptions;
  /** Default PRELOAD_AFTER_MS. */
  preloadAfterMs?: number;
  /** Default REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
  /** Tests stand a failing import in for a broken install. */
  sdkImports?: {
    slack?: () => Promise<typeof import('./slack/app.js')>;
    teams?: () => Promise<typeof import('./teams/endpoint.js')>;
  };
}

export interface BotServer {
  app: express.Express;
  adapters: string[];
  slackMode: SlackAdapter['mode'] | null;
  /** Answers being worked on; close() waits for them. */
  inFlight: InFlight;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Refuses new requests, waits up to `graceMs` (default SHUTDOWN_GRACE_MS) for answers in flight, and logs each one it gave up on. */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** Refused when serving without an app id would put an unauthenticated bot endpoint on a network. */
export type TeamsExposure = 'authenticated' | 'local' | 'refused';

export { isLoopback };

/** Without MicrosoftAppId, /api/messages accepts anyone and posts to any serviceUrl: only loopback may see it. */
export function teamsExposure(config: Config): TeamsExposure {
  if (config.teams.appId) return 'authenticated';
  return isLoopback(config.host) ? 'local' : 'refused';
}

/** One express app: Slack at /slack/events (or Socket Mode), Teams at /api/messages, and /healthz. */
export async function createServer(deps: ServerDeps): Promise<BotServer> {
  const { config, log } = deps;
  const app = express();
  app.disable('x-powered-by');
  const adapters: string[] = [];
  const inFlight = createInFlight();
  let draining = false;
  // Once shutting down, a request on a kept-alive socket gets 503: Slack redelivers events later, so nothing is lost.
  app.use((_req, res, next) => {
    if (!draining) return next();
    res.set('connection', 'close').status(503).json({ error: 'shutting down' });
  });

  // Each platform's SDK loads on that platform's first request, or PRELOAD_AFTER_MS after listening if none came
  // first: /healthz and the start-up line do not wait for half a second of SDK code.
  const preloads: Array<() => Promise<unknown>> = [];
  let teamsSdk: Sdk<(req: Request, res: Response) => Promise<void>> | undefined;
  let slackSdk: Sdk<SlackAdapter> | undefined;
  const exposure = teamsExposure(config);
  if (exposure === 'refused') {
    log.warn(
      `teams: ${TEAMS_PATH} not mounted: HOST=${config.host} is reachable from the network and MicrosoftAppId is not set, so anyone could drive the bot. Set MicrosoftAppId (and its password), or bind HOST to 127.0.0.1 for the Bot Framework Emulator.`,
    );
  } else {
    const importTeams = deps.sdkImports?.teams ?? (() => import('./teams/endpoint.js'));
    teamsSdk = lazySdk('teams', 'botbuilder', importTeams, ({ createTeamsHandler }) =>
      createTeamsHandler({
        config: config.teams,
        triage: deps.triage,
        feedback: deps.feedback,
        log,
        ...(config.instance && { instance: config.instance }),
        ...(config.instances && { instances: config.instances }),
        ...(deps.dedupe && { dedupe: deps.dedupe }),
        ...deps.teams,
      }),
    );
    const loadTeams = teamsSdk.load;
    // Local mode (the default, for the Emulator) loads botbuilder only if the Emulator calls.
    if (exposure === 'authenticated') preloads.push(loadTeams);
    // The turn (triage and the connector reply) runs inside the request, so the handler's promise is the answer.
    app.post(TEAMS_PATH, (req, res) =>
      inFlight.track(
        { platform: 'teams', kind: 'message' },
        loadTeams().then((handle) => handle(req, res)),
      ),
    );
    adapters.push('teams');
  }

  let slackMode: SlackAdapter['mode'] | null = null;
  let socketModeAdapter: SlackAdapter | undefined;
  if (config.slack) {
    const slackConfig = config.slack;
    const mode = slackModeOf(slackConfig);
    slackMode = mode;
    // A bad token stops start-up here, before Bolt is loaded.
    const identity = await identifySlackBot(slackConfig.botToken, slackConfig.apiUrl, { viaProxy: proxyIsSet(config.proxy) });
    const router = express.Router();
    const importSlack = deps.sdkImports?.slack ?? (() => import('./slack/app.js'));
    slackSdk = lazySdk('slack', 'Bolt', importSlack, ({ createSlackAdapter }) => {
      const slack = createSlackAdapter({
        config: slackConfig,
        identity,
        triage: deps.triage,
        feedback: deps.feedback,
        log,
        router,
        ...(config.instance && { instance: config.instance }),
        ...(config.instances && { instances: config.instances }),
        ...(deps.slackRetry && { retry: deps.slackRetry }),
        ...(deps.dedupe && { dedupe: deps.dedupe }),
        behindProxy: proxyIsSet(config.proxy),
      });
      // Bolt acks before the listener posts the answer, so the HTTP request says nothing about it: next() does.
      slack.app.use(async ({ body, next }) => {
        await inFlight.track({ platform: 'slack', kind: String((body as { type?: unknown }).type ?? 'unknown') }, next());
      });
      log.info('slack: Bolt app ready', { mode });
      return slack;
    });
    const loadSlack = slackSdk.load;
    if (mode === 'socket') {
      // No request comes to wake it: Socket Mode connects in listen().
      socketModeAdapter = await loadSlack();
    } else {
      app.post(SLACK_EVENTS_PATH, (req, res, next) => {
        loadSlack().then(() => router(req, res, next), next);
      });
      preloads.push(loadSlack);
    }
    adapters.unshift('slack');
  }

  /**
   * An SDK imported and set up once, on first use. A failure is logged once and answers every later use with
   * SdkUnavailable; the log tells a broken install (reinstall) from an adapter that would not start (its cause says why).
   */
  function lazySdk<M, T>(platform: string, sdk: string, importModule: () => Promise<M>, setUp: (module: M) => T): Sdk<T> {
    let loading: Promise<T> | undefined;
    let state: SdkState = 'not loaded';
    const fail = (step: 'loaded' | 'set up', hint: string, error: unknown): never => {
      state = 'failed';
      log.error(`${platform}: ${sdk} could not be ${step}${hint}`, { cause: error });
      throw new SdkUnavailable(platform, sdk, step);
    };
    return {
      state: () => state,
      load: () => {
        if (!loading) {
          state = 'loading';
          loading = importModule().then(
            (module) => {
              let ready: T;
              try {
                ready = setUp(module);
              } catch (error) {
                return fail('set up', '', error);
              }
              state = 'loaded';
              return ready;
            },
            (error: unknown) => fail('loaded', '; reinstall with npm install', error),
          );
        }
        return loading;
      },
    };
  }

  const health = {
    status: 'ok',
    adapters,
    slack: slackMode && { mode: slackMode },
    teams: exposure === 'refused' ? null : { authentication: exposure === 'authenticated' ? 'on' : 'off (loopback only)' },
    knowledge: deps.triage.counts,
  };
  app.get(HEALTH_PATH, async (_req, res) => {
    const store = await deps.storeHealth?.();
    const slack = health.slack && slackSdk && { ...health.slack, sdk: slackSdk.state() };
    const teams = health.teams && teamsSdk && { ...health.teams, sdk: teamsSdk.state() };
    // A platform whose SDK could not load answers nothing until reinstalled, and a replica with no platform at all
    // (credentials missing from its environment) answers nothing either: it must leave service.
    if (slack?.sdk === 'failed' || teams?.sdk === 'failed' || adapters.length === 0) {
      res.status(503).json({ ...health, status: 'failing', slack, teams, ...(store && { store }) });
      return;
    }
    // A lost store still answers questions, so the replica stays in service: `degraded`, not an error status.
    const status = !store || store.status === 'ok' ? 'ok' : 'degraded';
    res.json({ ...health, status, slack, teams, ...(store && { store }) });
  });
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof SdkUnavailable) {
      if (!res.headersSent) res.status(503).json({ error: error.message });
      return;
    }
    log.error('http: request failed', { cause: error });
    if (!res.headersSent) res.status(500).json({ error: 'internal error' });
  });

  let server: Server | undefined;
  let preloading: NodeJS.Timeout | undefined;
  return {
    app,
    adapters,
    slackMode,
    inFlight,
    async listen(port, host) {
      if (exposure === 'local' && !isLoopback(host)) {
        throw new Error(`listen: ${host} is not loopback and ${TEAMS_PATH} is unauthenticated (MicrosoftAppId is not set)`);
      }
      // Slack and Teams send a request in well under a second: one still arriving after 30 s (a stalled or trickled
      // upload) is dropped instead of holding a socket for Node's default 5 minutes.
      const timeout = deps.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
      // Node enforces the limit when it next checks its connections: every tenth of it here, not every 30 s.
      const listening = createHttpServer({ requestTimeout: timeout, headersTimeout: timeout, connectionsCheckingInterval: Math.max(50, timeout / 10) }, app);
      server = listening;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host, () => {
          listening.off('error', reject);
          resolve();
        });
      });
      await socketModeAdapter?.start();
      preloading = setTimeout(() => {
        // lazySdk has logged a failure; the platform's requests get 503, and /healthz says failing.
        for (const load of preloads) load().catch(() => undefined);
      }, deps.preloadAfterMs ?? PRELOAD_AFTER_MS).unref();
      const address = listening.address();
      if (address === null || typeof address === 'string') throw new Error(`listen: unexpected address ${String(address)}`);
      return address;
    },
    async close(options = {}) {
      draining = true;
      clearTimeout(preloading);
      await socketModeAdapter?.stop();
      const closing = server;
      server = undefined;
      const closed = closing
        ? new Promise<void>((resolve, reject) => {
            closing.close((error) => (error ? reject(error) : resolve()));
            // Idle keep-alive sockets would hold close() open for seconds; requests in flight still finish.
            closing.closeIdleConnections();
          })
        : Promise.resolve();
      const dropped = await inFlight.drain(options.graceMs ?? SHUTDOWN_GRACE_MS);
      // The log says which kind of answer was lost, never what was asked.
      for (const answer of dropped) log.warn('shutdown: answer dropped', { ...answer });
      // What is still open after the grace period is being dropped anyway: don't wait on its sockets.
      if (dropped.length > 0) closing?.closeAllConnections();
      await closed;
    },
  };
}

type SdkState = 'not loaded' | 'loading' | 'loaded' | 'failed';

interface Sdk<T> {
  load(): Promise<T>;
  state(): SdkState;
}

/** A platform's request while its SDK could not be loaded: 503, the fault is the install's, not the caller's. */
class SdkUnavailable extends Error {
  constructor(platform: string, sdk: string, step: 'loaded' | 'set up') {
    super(`${platform} is unavailable: ${sdk} could not be ${step}`);
  }
}
