import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogFeedbackSink } from '../../src/core/feedback.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { createTriage, type Triage } from '../../src/core/triage.js';
import { createLogger } from '../../src/logger.js';
import { createServer, type BotServer } from '../../src/server.js';
import type { SlackRetryPolicy } from '../../src/slack/slack-fetch.js';
import { startSlackApiStandIn, type SlackApiStandIn } from './api-stand-in.js';
import { BOT_TOKEN, SIGNING_SECRET } from './requests.js';

let sharedTriage: Triage | undefined;
/** The real triage over the real knowledge, trained once per test file. */
export function realTriage(): Triage {
  sharedTriage ??= createTriage(loadKnowledge('knowledge'));
  return sharedTriage;
}

/** The triage as the composition root builds it; the shared one when the installation settings are the defaults. */
function triageFor(config: Config): Triage {
  if (!config.instance && !config.instances && !config.modules) return realTriage();
  return createTriage(loadKnowledge('knowledge'), {}, { instances: { configured: config.instance, known: config.instances }, expectedModules: config.modules });
}

export interface RunningBot {
  server: BotServer;
  baseUrl: string;
  eventsUrl: string;
  api: SlackApiStandIn;
  /** Every log line the bot wrote, raw. */
  logs: string[];
  /** Every verdict the feedback sink received. */
  verdicts: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

/**
 * Quick back-off so retry tests take milliseconds, still bounded like production. The timeout
 * stays generous: on a busy machine a loopback call can take a second.
 */
export const TEST_RETRY: SlackRetryPolicy = { attemptTimeoutMs: 10_000, retries: 2, minBackoffMs: 5, maxBackoffMs: 20, maxRetryAfterMs: 2_000 };

/** Starts the real server (Bolt over HTTP, plus Teams and /healthz) on loopback, wired to a Web API stand-in. */
export async function startBot(env: Record<string, string> = {}, api?: SlackApiStandIn, options: { retry?: Partial<SlackRetryPolicy> } = {}): Promise<RunningBot> {
  const standIn = api ?? (await startSlackApiStandIn());
  const logs: string[] = [];
  const verdicts: Array<Record<string, unknown>> = [];
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standIn.apiUrl,
    HOST: '127.0.0.1',
    ...env,
  });
  const log = createLogger({ level: 'debug', secrets: [BOT_TOKEN, SIGNING_SECRET], write: (line) => logs.push(line) });
  const feedback = createLogFeedbackSink((record) => verdicts.push(record));
  const server = await createServer({ config, triage: triageFor(config), feedback, log, slackRetry: { ...TEST_RETRY, ...options.retry } });
  const { port } = await server.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    server,
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    api: standIn,
    logs,
    verdicts,
    async stop() {
      await server.close();
      if (!api) await standIn.close();
    },
  };
}

/** Waits a little so anything that was going to reach the stand-in has arrived. */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One bot for a whole test file: started before its tests, stopped after them, the stand-in's calls forgotten before each. */
export function botForFile(env: Record<string, string> = {}): () => RunningBot {
  let bot: RunningBot | undefined;
  beforeAll(async () => {
    bot = await startBot(env);
  });
  afterAll(async () => {
    await bot?.stop();
  });
  beforeEach(() => {
    bot?.api.reset();
  });
  return () => {
    if (!bot) throw new Error('bot-harness: the bot did not start');
    return bot;
  };
}
