import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_NAMES, loadConfig } from '../src/config.js';
import { MODULE_IDS } from '../src/core/types.js';
import { SPAWN_TIMEOUT_MS } from './wait.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Absolute, because the child runs in a temporary directory without node_modules.
const TSX_LOADER = pathToFileURL(path.join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;
const BOT = 'xoxb-1111-2222-abcdEFGH';
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const APP_ID = '3f1c9a52-8e0b-4d7e-9a61-2b7c5d4e6f10';
const TENANT = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

describe('loadConfig defaults', () => {
  it('runs with nothing set: Teams-only on loopback, Slack off', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3978, host: '127.0.0.1', hostExplicit: false, logLevel: 'info', slack: null });
    expect(config.teams).toEqual({ appType: 'MultiTenant' });
    expect(config.instance).toBeUndefined();
    expect(config.instances).toBeUndefined();
    expect(config.modules).toBeUndefined();
    expect(config.shutdownGraceMs).toBe(10_000);
    expect(config.knowledgeDir).toBe(path.join(REPO, 'knowledge'));
  });

  it('faces the network by default only when a Teams app id makes /api/messages authenticated', () => {
    const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'pw-value' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.hostExplicit).toBe(false);
    expect(config.teams).toEqual({ appId: APP_ID, appPassword: 'pw-value', appType: 'MultiTenant' });
  });

  it('keeps an explicit HOST and says it was explicit', () => {
    expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', hostExplicit: true });
  });

  it('keeps verdicts in SQLite under ./data/ by default, and question texts with a verdict for 30 days', () => {
    expect(loadConfig({}).store).toEqual({ dataDir: path.resolve('data'), questions: 'feedback', questionRetentionDays: 30 });
    const store = loadConfig({ DATABASE_URL: 'postgres://bot:pw@db:5432/campaign', DATA_DIR: '/var/lib/bot', STORE_QUESTIONS: 'all', QUESTION_RETENTION_DAYS: '7' }).store;
    expect(store).toEqual({ databaseUrl: 'postgres://bot:pw@db:5432/campaign', dataDir: '/var/lib/bot', questions: 'all', questionRetentionDays: 7 });
  });

  it('treats blank values as unset, as a copied .env.example leaves them', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '  ', PORT: '', MicrosoftAppId: '' });
    expect(config.slack).toBeNull();
    expect(config.port).toBe(3978);
  });

  it('reads every variable it owns', () => {
    const config = loadConfig({
      PORT: '8080',
      CAMPAIGN_INSTANCE: 'prod_eu-1',
      CAMPAIGN_INSTANCES: 'prod_eu-1, staging',
      CAMPAIGN_MODULES: 'mta,inMail,wfserver',
      SHUTDOWN_GRACE_SECONDS: '25',
      KNOWLEDGE_DIR: 'some/dir',
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: 'xapp-1-A111-222-abc',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      SLACK_RESPONSE_TYPE: 'ephemeral',
      SLACK_ALERT_CHANNELS: 'C0ALERTS1, G0PRIVATE2,C0ALERTS1',
      SLACK_ALERT_BOTS: 'B0NAGIOS1',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'pw',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
    });
    expect(config.port).toBe(8080);
    expect(config.instance).toBe('prod_eu-1');
    expect(config.instances).toEqual(['prod_eu-1', 'staging']);
    expect(config.modules).toEqual(['mta', 'inMail', 'wfserver']);
    expect(config.shutdownGraceMs).toBe(25_000);
    expect(config.knowledgeDir).toBe(path.resolve('some/dir'));
    expect(config.logLevel).toBe('debug');
    expect(config.slack).toEqual({
      botToken: BOT,
      signingSecret: SECRET,
      appToken: 'xapp-1-A111-222-abc',
      apiUrl: 'http://127.0.0.1:9999/api/',
      responseType: 'ephemeral',
      alertChannels: ['C0ALERTS1', 'G0PRIVATE2'],
      alertBots: ['B0NAGIOS1'],
    });
    expect(config.teams).toEqual({ appId: APP_ID, appPassword: 'pw', appType: 'SingleTenant', tenantId: TENANT });
  });
});

describe('the Teams app type', () => {
  it('is SingleTenant when only a tenant is given, as Azure creates a bot today, and MultiTenant without one', () => {
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: TENANT }).teams).toEqual({
      appId: APP_ID,
      appPassword: 'pw',
      appType: 'SingleTenant',
      tenantId: TENANT,
    });
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'pw', MicrosoftAppType: ' ' }).teams.appType).toBe('MultiTenant');
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }).teams.appType).toBe('UserAssignedMSI');
  });
});

describe('loadConfig lists', () => {
  it('reads CAMPAIGN_MODULES case-insensitively into the ids of MODULE_IDS, once each', () => {
    expect(loadConfig({ CAMPAIGN_MODULES: ' INMAIL , mta,mta ' }).modules).toEqual(['inMail', 'mta']);
    expect(loadConfig({ CAMPAIGN_MODULES: MODULE_IDS.join(',') }).modules).toEqual([...MODULE_IDS]);
  });

  it('reads CAMPAIGN_INSTANCES in order, once each', () => {
    expect(loadConfig({ CAMPAIGN_INSTANCES: 'prod,staging,prod' }).instances).toEqual(['prod', 'staging']);
  });
});

describe('loadConfig proxy', () => {
  it('has none by default', () => {
    expect(loadConfig({}).proxy).toEqual({});
  });

  it('reads the lower-case names too, and the upper-case one wins when both are set', () => {
    expect(loadConfig({ https_proxy: 'http://proxy.corp:3128', no_proxy: 'localhost' }).proxy).toEqual({ httpsProxy: 'http://proxy.corp:3128', noProxy: 'localhost' });
    expect(loadConfig({ HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128' }).proxy.httpsProxy).toBe('http://upper:3128');
  });

  it('refuses a proxy that is not an http(s) URL, without repeating it (it may hold a password)', () => {
    for (const value of ['proxy.corp:3128', 'socks5://user:Zq9secret@proxy.corp:1080']) {
      const message = (() => {
        try {
          loadConfig({ HTTP_PROXY: value });
        } catch (error) {
          return (error as Error).message;
        }
        return 'accepted';
      })();
      expect(message).toMatch(/^HTTP_PROXY: expected a proxy URL such as http:\/\/proxy\.example\.com:3128$/);
      expect(message).not.toContain('Zq9');
    }
  });
});

describe('loadConfig rejects', () => {
  const slack = { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET };
  const cases: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    ['a port that is not a number', { PORT: 'http' }, /^PORT: expected a whole number/],
    ['a port out of range', { PORT: '70000' }, /^PORT: /],
    ['a bot token without its signing secret', { SLACK_BOT_TOKEN: BOT }, /^SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN/],
    ['a signing secret without its bot token', { SLACK_SIGNING_SECRET: SECRET }, /^SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET/],
    ['a user token where a bot token belongs', { ...slack, SLACK_BOT_TOKEN: 'xoxp-123-456' }, /^SLACK_BOT_TOKEN: expected a bot token starting with xoxb-/],
    ['a bot token where the app token belongs', { ...slack, SLACK_APP_TOKEN: BOT }, /^SLACK_APP_TOKEN: expected an app-level token starting with xapp-/],
    ['an app token alone', { SLACK_APP_TOKEN: 'xapp-1-abc' }, /^SLACK_APP_TOKEN: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET/],
    ['a signing secret with punctuation', { ...slack, SLACK_SIGNING_SECRET: 'abc def' }, /^SLACK_SIGNING_SECRET: expected/],
    ['an API URL that is not a URL', { ...slack, SLACK_API_URL: 'slack api' }, /^SLACK_API_URL: expected an http\(s\) URL/],
    ['an API URL that is not http', { ...slack, SLACK_API_URL: 'ftp://slack.com/api/' }, /^SLACK_API_URL: /],
    ['an unknown response type', { ...slack, SLACK_RESPONSE_TYPE: 'public' }, /^SLACK_RESPONSE_TYPE: expected one of in_channel, ephemeral/],
    [
      'a channel name where a channel id belongs',
      { ...slack, SLACK_ALERT_CHANNELS: 'C0ALERTS1,#alerts' },
      /^SLACK_ALERT_CHANNELS: expected comma-separated Slack channel ids .*, got "#alerts"$/,
    ],
    ['a user id among the alert bots', { ...slack, SLACK_ALERT_CHANNELS: 'C0ALERTS1', SLACK_ALERT_BOTS: 'U0HUMAN1' }, /^SLACK_ALERT_BOTS: expected comma-separated Slack bot ids/],
    ['alert bots without alert channels', { ...slack, SLACK_ALERT_BOTS: 'B0NAGIOS1' }, /^SLACK_ALERT_BOTS: set SLACK_ALERT_CHANNELS too/],
    ['alert channels without Slack', { SLACK_ALERT_CHANNELS: 'C0ALERTS1' }, /^SLACK_ALERT_CHANNELS: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET too/],
    ['an unknown log level', { LOG_LEVEL: 'verbose' }, /^LOG_LEVEL: expected one of debug, info, warn, error/],
    ['an instance name with spaces', { CAMPAIGN_INSTANCE: 'prod; rm -rf' }, /^CAMPAIGN_INSTANCE: expected a Campaign instance name/],
    ['a bad name among the instances', { CAMPAIGN_INSTANCES: 'prod,stag ing' }, /^CAMPAIGN_INSTANCES: expected comma-separated Campaign instance names .*, got "stag ing"$/],
    ['an empty item among the instances', { CAMPAIGN_INSTANCES: 'prod,,staging' }, /^CAMPAIGN_INSTANCES: expected comma-separated Campaign instance names .*, got ""$/],
    [
      'a module that does not exist',
      { CAMPAIGN_MODULES: 'mta,smtp' },
      /^CAMPAIGN_MODULES: expected comma-separated module ids from export, import, inMail, .*wfserver, got "smtp"$/,
    ],
    ['a grace period that is not a number', { SHUTDOWN_GRACE_SECONDS: '10s' }, /^SHUTDOWN_GRACE_SECONDS: expected a whole number from 0 to 300, got "10s"$/],
    ['a grace period over five minutes', { SHUTDOWN_GRACE_SECONDS: '301' }, /^SHUTDOWN_GRACE_SECONDS: expected a whole number from 0 to 300/],
    [
      'a database URL that is not PostgreSQL',
      { DATABASE_URL: 'mysql://u:hunter2pw@db/x' },
      /^DATABASE_URL: expected a PostgreSQL URL such as postgres:\/\/user:password@host:5432\/campaign_module$/,
    ],
    ['an unknown question policy', { STORE_QUESTIONS: 'some' }, /^STORE_QUESTIONS: expected one of none, feedback, all, got "some"$/],
    ['a retention in weeks', { QUESTION_RETENTION_DAYS: '4w' }, /^QUESTION_RETENTION_DAYS: expected a whole number from 0 to 3650/],
    ['a HOST with a scheme', { HOST: 'http://0.0.0.0' }, /^HOST: expected an interface address/],
    ['an app id that is not a GUID', { MicrosoftAppId: 'my-bot', MicrosoftAppPassword: 'x' }, /^MicrosoftAppId: expected the Azure Bot app id, a GUID/],
    ['an app id without a password', { MicrosoftAppId: APP_ID }, /^MicrosoftAppPassword: required when MicrosoftAppId is set/],
    ['a password without an app id', { MicrosoftAppPassword: 'x' }, /^MicrosoftAppPassword: set MicrosoftAppId too/],
    ['an unknown app type', { MicrosoftAppType: 'Single' }, /^MicrosoftAppType: expected one of MultiTenant, SingleTenant, UserAssignedMSI/],
    [
      'SingleTenant without a tenant',
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' },
      /^MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant/,
    ],
    ['a tenant without an app id', { MicrosoftAppTenantId: TENANT }, /^MicrosoftAppTenantId: set MicrosoftAppId and MicrosoftAppPassword too, or remove it/],
    [
      'a default instance the list does not know',
      { CAMPAIGN_INSTANCE: 'prod', CAMPAIGN_INSTANCES: 'prd,mkt' },
      /^CAMPAIGN_INSTANCE: "prod" is not one of CAMPAIGN_INSTANCES \(prd, mkt\)/,
    ],
    ['a tenant that is not a GUID', { MicrosoftAppTenantId: 'contoso' }, /^MicrosoftAppTenantId: expected/],
    [
      'a tenant on a bot said to be MultiTenant',
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: TENANT },
      /^MicrosoftAppTenantId: a MultiTenant bot does not use it; set MicrosoftAppType=SingleTenant/,
    ],
  ];

  it.each(cases)('%s', (_name, env, message) => {
    let caught: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect(caught).toMatchObject({ code: 'CONFIG_INVALID', name: 'ConfigError' });
    expect((caught as Error).message).toMatch(message);
    // One line, as start-up prints it.
    expect((caught as Error).message).not.toContain('\n');
  });

  it('never repeats a malformed token in its message', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-very-secret-value', SLACK_SIGNING_SECRET: SECRET })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('very-secret') }),
    );
  });
});

describe('loadConfig with .env', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('reads .env from the working directory, and the real environment wins', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'config-env-'));
    try {
      writeFileSync(path.join(dir, '.env'), `SLACK_BOT_TOKEN=${BOT}\nSLACK_SIGNING_SECRET=${SECRET}\nPORT=4000\nLOG_LEVEL=warn\n`);
      const script = `import { loadConfig } from ${JSON.stringify(path.join(REPO, 'src/config.ts'))};
        const c = loadConfig(); process.stdout.write(JSON.stringify({ port: c.port, log: c.logLevel, slack: c.slack !== null }));`;
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, LOG_LEVEL: 'error' };
      const out = execFileSync(process.execPath, ['--import', TSX_LOADER, '--input-type=module', '-e', script], { cwd: dir, env, encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS });
      expect(JSON.parse(out)).toEqual({ port: 4000, log: 'error', slack: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('.env.example', () => {
  const example = dotenv.parse(readFileSync(path.join(REPO, '.env.example'), 'utf8'));
  it('lists every variable config.ts reads, and nothing else', () => {
    expect(ENV_NAMES).toHaveLength(26);
    expect(Object.keys(example).sort()).toEqual([...ENV_NAMES].sort());
  });

  it('is the only reader of process.env in src/', () => {
    const readers = execFileSync('grep', ['-rlE', 'process\\.env\\b', path.join(REPO, 'src')], { encoding: 'utf8' })
      .trim()
      .split('\n');
    // proxy.ts writes the proxy variables config settled on, where undici and proxy-agent read them; it reads none.
    expect(readers.map((f) => path.relative(REPO, f)).sort()).toEqual(['src/config.ts', 'src/proxy.ts']);
  });

  it('starts as it is, once copied to .env', () => {
    expect(() => loadConfig(example)).not.toThrow();
  });
});
