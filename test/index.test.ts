import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackApiStandIn, type SlackApiStandIn } from './slack/api-stand-in.js';
import { BOT_TOKEN, SIGNING_SECRET } from './slack/requests.js';
import { SPAWN_TIMEOUT_MS, waitUntil } from './wait.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(REPO, 'bin/server.js');
// An empty working directory, so a developer's own .env cannot leak into these runs.
let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'bot-start-'));
});
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `npm start` without npm: the same `node bin/server.js`, with only the given environment. */
function start(env: Record<string, string>, nodeFlags: string[] = []): Run {
  const child = spawn(process.execPath, [...nodeFlags, SERVER], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** The first stdout match of `pattern`; fails with stderr as soon as the server exits instead. */
async function waitForLine(run: Run, pattern: RegExp): Promise<RegExpMatchArray> {
  const found = await waitUntil(() => run.stdout().match(pattern) ?? (run.child.exitCode !== null && new Error(`server exited; stderr: ${run.stderr()}`)), {
    what: 'the start-up line',
  });
  if (found instanceof Error) throw found;
  return found;
}

describe('npm start (bin/server.js)', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it.each([
    ['a configuration error', { SLACK_BOT_TOKEN: BOT_TOKEN }, /^campaign-module-bot: SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set/],
    ['a malformed variable', { PORT: 'eighty' }, /^campaign-module-bot: PORT: expected a whole number/],
    [
      'unreadable knowledge',
      { KNOWLEDGE_DIR: path.join(REPO, 'no-such-dir') },
      new RegExp(`^campaign-module-bot: ${path.join(REPO, 'no-such-dir')}/: knowledge directory cannot be read`),
    ],
    [
      'an unreachable PostgreSQL',
      { DATABASE_URL: 'postgres://bot:n0t-said@127.0.0.1:1/campaign' },
      /^campaign-module-bot: DATABASE_URL: PostgreSQL could not be reached \(connect ECONNREFUSED 127\.0\.0\.1:1\)$/,
    ],
  ])('fails fast on %s: one line, exit code 1, no stack trace', async (_name, env, message) => {
    const run = start(env);
    expect(await run.exited).toBe(1);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(run.stderr()).not.toMatch(/^\s+at /m);
    expect(run.stdout()).toBe('');
  });

  it("logs a library's warning as one JSON line, as `npm start` runs it (--no-warnings)", async () => {
    const run = start({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'warn-')), DATABASE_URL: 'postgres://bot:n0t-said@127.0.0.1:1/campaign?sslmode=require' }, ['--no-warnings']);
    expect(await run.exited).toBe(1);
    const lines = run.stderr().trim().split('\n');
    expect(lines.at(-1)).toMatch(/^campaign-module-bot: DATABASE_URL: /);
    const logged = lines.slice(0, -1).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'node: warning', message: expect.stringContaining('SECURITY WARNING') }));
  });

  it.each([
    ['a host that is not an address', { HOST: '999.1.1.1' }, 'HOST: 999.1.1.1 is not an address or a name that resolves'],
    ['a port already taken', { HOST: '127.0.0.1' }, 'PORT: <port> is already in use on 127.0.0.1'],
  ])('names the variable when it cannot listen: %s', async (_name, env, message) => {
    const taken = createNetServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const port = String((taken.address() as AddressInfo).port);
    try {
      const run = start({ ...env, PORT: port, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'listen-')) });
      expect(await run.exited).toBe(1);
      expect(run.stderr().trim().split('\n').at(-1)).toBe(`campaign-module-bot: ${message.replace('<port>', port)}`);
    } finally {
      taken.close();
    }
  });

  describe('with Slack configured', () => {
    let api: SlackApiStandIn;
    let run: Run;
    beforeAll(async () => {
      api = await startSlackApiStandIn();
      run = start({ PORT: '0', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, CAMPAIGN_INSTANCE: 'prod' });
    }, SPAWN_TIMEOUT_MS);
    afterAll(async () => {
      run.child.kill('SIGKILL');
      await api.close();
    });

    it('prints one start-up line naming the URL, adapters and knowledge, then serves', async () => {
      const [line, url] = await waitForLine(run, /^campaign-module-bot listening on (http:\/\/127\.0\.0\.1:\d+) .*$/m);
      expect(line).toContain('slack (POST /slack/events)');
      expect(line).toContain('teams (POST /api/messages, no app id: loopback only)');
      expect(line).toMatch(/knowledge: 11 modules, \d+ examples/);
      // No DATA_DIR: SQLite in ./data/ of the working directory, created on first start.
      expect(line).toContain(`store: sqlite (${path.join(cwd, 'data')})`);
      const health = await fetch(`${url}/healthz`);
      const body = (await health.json()) as { adapters: string[]; status: string; store: unknown };
      expect(body.adapters).toEqual(['slack', 'teams']);
      expect(body).toMatchObject({ status: 'ok', store: { engine: 'sqlite', status: 'ok' } });
      expect(run.stderr()).not.toContain(BOT_TOKEN);
    });

    it('shuts down cleanly on SIGTERM', async () => {
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.stderr()).toContain('"msg":"shutting down"');
    });
  });
});
