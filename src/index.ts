import { ConfigError, loadConfig, type Config } from './config.js';
import { KnowledgeError } from './core/knowledge-files.js';
import { loadModel } from './core/load-model.js';
import { triageFromModel } from './core/triage.js';
import { createLogger, type Logger } from './logger.js';
import { SLACK_EVENTS_PATH } from './slack/request-url.js';
import { SlackStartError } from './slack/start-error.js';
import { describeProxy, proxyIsSet, routeThroughProxy } from './proxy.js';
import { createServer, HEALTH_PATH, TEAMS_PATH, type BotServer } from './server.js';
import { MigrationError, StoreUnreachableError } from './store/errors.js';
import { createRecorder, type Recorder } from './store/recorder.js';
import { checkWritable, openStore } from './store/store.js';

/** Warnings or errors with one message written per minute; the rest are counted (see createLogger). */
const LOG_REPEATS_PER_MINUTE = 20;

/** Start-up problems the operator can fix; shown as one line without a stack trace. */
function isOperatorError(error: unknown): error is Error {
  return (
    error instanceof ConfigError || error instanceof KnowledgeError || error instanceof SlackStartError || error instanceof StoreUnreachableError || error instanceof MigrationError
  );
}

/** Why the server could not listen, naming the variable to change: Node's "listen EADDRINUSE" names none. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: unknown }).code;
  const why: Record<string, string> = {
    EADDRINUSE: `PORT: ${port} is already in use on ${host}`,
    EACCES: `PORT: ${port} needs privileges this user does not have`,
    EADDRNOTAVAIL: `HOST: ${host} is not an address of this machine`,
    ENOTFOUND: `HOST: ${host} is not an address or a name that resolves`,
  };
  return typeof code === 'string' && why[code] ? new ConfigError(why[code]) : error;
}

function secretsOf(config: Config): string[] {
  const { slack, teams, store, proxy } = config;
  const passwordOf = (url: string | undefined) => (url ? decodeURIComponent(new URL(url).password) : undefined);
  return [
    slack?.botToken,
    slack?.signingSecret,
    slack?.appToken,
    teams.appPassword,
    store.databaseUrl,
    passwordOf(store.databaseUrl),
    proxy.httpsProxy,
    passwordOf(proxy.httpsProxy),
    proxy.httpProxy,
    passwordOf(proxy.httpProxy),
  ].filter((s): s is string => Boolean(s));
}

/** The one line printed on start: where the bot listens, what it serves, what it knows. */
export function startupLine(config: Config, server: BotServer, port: number, counts: { modules: number; examples: number }, store = 'none'): string {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const parts = server.adapters.map((name) => {
    if (name === 'slack') return server.slackMode === 'socket' ? 'slack (socket mode)' : `slack (POST ${SLACK_EVENTS_PATH})`;
    return `teams (POST ${TEAMS_PATH}${config.teams.appId ? '' : ', no app id: loopback only'})`;
  });
  return [
    `campaign-module-bot listening on http://${host}:${port}`,
    `adapters: ${parts.length > 0 ? parts.join(', ') : 'none'}`,
    `health: GET ${HEALTH_PATH}`,
    `knowledge: ${counts.modules} modules, ${counts.examples} examples`,
    `store: ${store}`,
    ...(proxyIsSet(config.proxy) ? [`proxy: ${describeProxy(config.proxy)}`] : []),
  ].join(' | ');
}

/** SIGTERM/SIGINT: stop taking requests, wait up to `graceMs` for answers being posted, log those dropped, close the store; a second signal exits at once. */
function exitOnSignals(server: BotServer, recorder: Recorder, log: Logger, graceMs: number): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info('shutting down', { signal, inFlight: server.inFlight.size, graceMs });
    // A stuck connection must not keep the process alive past the grace period.
    setTimeout(() => process.exit(1), graceMs + 2_000).unref();
    server
      .close({ graceMs })
      .then(() => recorder.close())
      // One turn of the event loop first: an answer that failed just now is still being logged by Bolt's error handler.
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('shutdown failed', { cause: error });
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The composition root: configuration → knowledge → triage → feedback → server → listen. */
export async function main(): Promise<void> {
  let log: Logger | undefined;
  try {
    const config = loadConfig();
    log = createLogger({ level: config.logLevel, secrets: secretsOf(config), repeatsPerMinute: LOG_REPEATS_PER_MINUTE });
    const activeLog = log;
    // A library's warning (pg on sslmode=require, a deprecation) is one JSON line like every other; `npm start` runs with --no-warnings.
    process.on('warning', (warning) => activeLog.warn('node: warning', { name: warning.name, message: warning.message.split('\n')[0] }));
    await routeThroughProxy(config.proxy);
    const model = await loadModel(config.knowledgeDir, (line) => activeLog.warn(line));
    const triage = triageFromModel(
      model,
      {},
      {
        instances: { configured: config.instance, known: config.instances },
        expectedModules: config.modules,
      },
    );
    // A store that cannot be reached now stops start-up; one lost later only stops the recording.
    const store = await openStore(config.store, (error) => activeLog.warn('store: a pooled connection failed', { cause: error }));
    if (store.migrated.length > 0) log.info('store: migrated', { engine: store.engine, applied: store.migrated });
    await checkWritable(store, config.store).catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
    const recorder = createRecorder(store, log);
    process.on('unhandledRejection', (reason) => activeLog.error('unhandled rejection', { cause: reason }));
    const server = await createServer({ config, triage, feedback: recorder.feedback, dedupe: recorder.dedupe, storeHealth: recorder.health, log });
    const address = await server.listen(config.port, config.host).catch((error: unknown) => {
      throw listenError(error, config.host, config.port);
    });
    const where = store.engine === 'sqlite' ? `sqlite (${config.store.dataDir})` : 'postgres (DATABASE_URL)';
    // Before the line that says the bot is up: a SIGTERM that arrives before its handler ends the process unclean.
    exitOnSignals(server, recorder, log, config.shutdownGraceMs);
    process.stdout.write(`${startupLine(config, server, address.port, model.counts, where)}\n`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!isOperatorError(error) && log?.level === 'debug') log.error('start-up failed', { cause: error, stack: (error as Error).stack });
    process.stderr.write(`campaign-module-bot: ${message}\n`);
    process.exit(1);
  }
}
