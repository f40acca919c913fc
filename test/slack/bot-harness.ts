import { loadConfig } from '../../src/config.js';
import { createLogFeedbackSink } from '../../src/core/feedback.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { createTriage, type Triage } from '../../src/core/triage.js';
import { createLogger } from '../../src/logger.js';
import { createServer, type BotServer } from '../../src/server.js';
import { startSlackApiStandIn, type SlackApiStandIn } from './api-stand-in.js';
import { BOT_TOKEN, SIGNING_SECRET } from './requests.js';

let sharedTriage: Triage | undefined;
/** The real triage over the real knowledge, trained once per test file. */
export function realTriage(): Triage {
  sharedTriage ??= createTriage(loadKnowledge('knowledge'));
  return sharedTriage;
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

/** Quick back-off so retry tests take milliseconds, still bounded like production. */
export const TEST_RETRY = { retries: 2, factor: 1, minTimeout: 5, maxTimeout: 20, randomize: false };

/** Starts the real server (Bolt over HTTP, plus Teams and /healthz) on loopback, wired to a Web API stand-in. */
export async function startBot(env: Record<string, string> = {}, api?: SlackApiStandIn): Promise<RunningBot> {
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
  const server = await createServer({ config, triage: realTriage(), feedback, log, slackRetry: TEST_RETRY });
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
