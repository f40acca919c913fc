import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config.js';
import type { Answered, Correction, Feedback, FeedbackSink } from '../../src/core/feedback.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { createTriage, type Triage } from '../../src/core/triage.js';
import { createLogger } from '../../src/logger.js';
import { createServer, type ServerDeps } from '../../src/server.js';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { SPAWN_TIMEOUT_MS } from '../wait.js';
import { startConnectorRecorder, type ConnectorRecorder } from './connector-recorder.js';

export const APP_ID = '6f1c2b4e-93b1-4c4e-9d52-0c8f1e7a2b10';
export const APP_PASSWORD = 'not-a-real-secret-value';

/** For hooks and tests that start a bot: training the matcher takes seconds, many more on a loaded 2-core machine. */
export const START_TIMEOUT_MS = 2 * SPAWN_TIMEOUT_MS;

export interface Bot {
  url: string;
  /** Every JSON log line the bot wrote, raw. */
  lines: string[];
  feedback: Feedback[];
  /** The answers counted for the feedback report. */
  answers: Answered[];
  /** Corrections recorded after Not it (not with a sink of the test's own). */
  corrections: Correction[];
  close(): Promise<void>;
}

const triages = new Map<string, Triage>();
/** The real triage over the real knowledge with the configured instances, as `npm start` builds it; trained once per test file. */
export function realTriage(config: Config): Triage {
  const key = JSON.stringify([config.instance, config.instances, config.modules]);
  let triage = triages.get(key);
  if (!triage) {
    triage = createTriage(loadKnowledge('knowledge'), {}, { instances: { configured: config.instance, known: config.instances }, expectedModules: config.modules });
    triages.set(key, triage);
  }
  return triage;
}

export interface StartOptions {
  sink?: FeedbackSink;
  teams?: ServerDeps['teams'];
}

/** The real server (`npm start` minus the process), configured from variables as in production, on loopback. */
export async function startBot(env: Record<string, string> = {}, options: StartOptions = {}): Promise<Bot> {
  const lines: string[] = [];
  const feedback: Feedback[] = [];
  const answers: Answered[] = [];
  const corrections: Correction[] = [];
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', CAMPAIGN_INSTANCE: 'prod', ...env });
  const server = await createServer({
    config,
    triage: realTriage(config),
    feedback: options.sink ?? {
      answered: (answer) => {
        answers.push(answer);
      },
      record: async (f) => {
        feedback.push(f);
        return randomUUID();
      },
      correct: async (correction) => {
        corrections.push(correction);
      },
    },
    log: createLogger({ level: 'debug', secrets: [APP_PASSWORD], write: (line) => lines.push(line) }),
    ...(options.teams && { teams: options.teams }),
  });
  const { port } = await server.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}/api/messages`, lines, feedback, answers, corrections, close: () => server.close() };
}

/** POSTs an activity as the Bot Framework does: JSON, no Origin. */
export async function post(url: string, activity: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
}

/** The parsed log lines whose message is `msg`. */
export function logged(bot: Bot, msg: string): Array<Record<string, unknown>> {
  return bot.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === msg);
}

/**
 * One bot and one loopback connector for a whole test file: started before its tests, stopped after,
 * the connector's calls and the bot's log lines cleared after each test.
 */
export function botAndConnectorForFile(env: Record<string, string> = {}, options: StartOptions = {}): { readonly bot: Bot; readonly connector: ConnectorRecorder } {
  let bot: Bot | undefined;
  let connector: ConnectorRecorder | undefined;
  beforeAll(async () => {
    connector = await startConnectorRecorder();
    bot = await startBot(env, options);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await bot?.close();
    await connector?.close();
  });
  afterEach(() => {
    connector?.reset();
    if (bot) bot.lines.length = 0;
  });
  return {
    get bot() {
      if (!bot) throw new Error('bot-harness: the bot did not start');
      return bot;
    },
    get connector() {
      if (!connector) throw new Error('bot-harness: the connector stand-in did not start');
      return connector;
    },
  };
}
