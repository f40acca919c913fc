import path from 'node:path';
import dotenv from 'dotenv';
import { MODULE_IDS, type ModuleId } from './core/types.js';
import { PACKAGE_ROOT } from './package-root.js';

export interface TeamsConfig {
  appId?: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken?: string;
  apiUrl?: string;
  responseType: 'in_channel' | 'ephemeral';
  /** Channels whose bot and integration messages are read as monitoring alerts (SLACK_ALERT_CHANNELS); empty: none. */
  alertChannels: string[];
  /** When set, only these bots' messages count as alerts (SLACK_ALERT_BOTS). */
  alertBots?: string[];
}

export interface Config {
  port: number;
  host: string;
  /** True when HOST was set by the operator rather than defaulted. */
  hostExplicit: boolean;
  instance?: string;
  /** Every instance the operator runs, when more than one (CAMPAIGN_INSTANCES). */
  instances?: string[];
  /** The modules this installation runs (CAMPAIGN_MODULES); unset means all of MODULE_IDS. */
  modules?: ModuleId[];
  knowledgeDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** How long SIGTERM/SIGINT waits for answers still being posted. */
  shutdownGraceMs: number;
  slack: SlackConfig | null;
  teams: TeamsConfig;
  store: StoreConfig;
  proxy: ProxyConfig;
}

/** The corporate proxy outbound calls go through (HTTPS_PROXY, HTTP_PROXY, NO_PROXY; lower-case names too). */
export interface ProxyConfig {
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
}

/** Where verdicts, corrections and answered event ids are kept. */
export interface StoreConfig {
  /** DATABASE_URL (postgres://…) when set; else a SQLite file in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Which question texts are kept: none, those that got a verdict, or every question answered. */
  questions: 'none' | 'feedback' | 'all';
  questionRetentionDays: number;
}

/** A variable is missing, malformed, or inconsistent with another one. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANCE = /^[A-Za-z0-9_-]{1,64}$/;
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
const SLACK_BOT_ID = /^B[A-Z0-9]{2,}$/;

/** A value that does not fit its variable; the message is the part after "NAME: " and never repeats a token or secret. */
class Invalid extends Error {}

const fail = (message: string): never => {
  throw new Invalid(message);
};

// Validated by hand rather than with zod: zod costs about 100 ms to import, a third of the CLI's start-up.
/** Blank values count as unset, so a copied .env.example does not half-configure anything. */
function optional<T>(parse: (value: string) => T): (raw: string | undefined) => T | undefined {
  return (raw) => {
    const value = raw?.trim();
    return value ? parse(value) : undefined;
  };
}

const shaped = (pattern: RegExp, shape: string) => optional((value) => (pattern.test(value) ? value : fail(`expected ${shape}`)));

function anyOf<const T extends readonly [string, ...string[]]>(allowed: T) {
  return optional((value): T[number] => allowed.find((a) => a === value) ?? fail(`expected one of ${allowed.join(', ')}, got "${value}"`));
}

function oneOf<const T extends readonly [string, ...string[]]>(allowed: T, fallback: T[number]) {
  const parse = anyOf(allowed);
  return (raw: string | undefined): T[number] => parse(raw) ?? fallback;
}

function wholeNumber(max: number, fallback: number) {
  const parse = optional((value) => (/^\d+$/.test(value) && Number(value) <= max ? Number(value) : fail(`expected a whole number from 0 to ${max}, got "${value}"`)));
  return (raw: string | undefined): number => parse(raw) ?? fallback;
}

function commaList<T>(parseItem: (item: string) => T | undefined, shape: string) {
  return optional((value) => {
    const items: T[] = [];
    for (const raw of value.split(',')) {
      const item = parseItem(raw.trim()) ?? fail(`expected ${shape}, got "${raw.trim()}"`);
      if (!items.includes(item)) items.push(item);
    }
    return items;
  });
}

/** Normalises to a trailing slash: the Web API client appends method names directly. */
const apiUrl = optional((value) => {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol === 'http:' || url?.protocol === 'https:') return url.href.endsWith('/') ? url.href : `${url.href}/`;
  return fail(`expected an http(s) URL such as https://slack.com/api/, got "${value}"`);
});

const anyText = optional((value) => value);

// The URL may hold a password, so it is never repeated.
const proxyUrl = optional((value) => {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  return url?.protocol === 'http:' || url?.protocol === 'https:' ? value : fail('expected a proxy URL such as http://proxy.example.com:3128');
});

// The URL may hold a password, so it is never repeated.
const databaseUrl = optional((value) =>
  /^postgres(ql)?:\/\/./.test(value) && URL.canParse(value) ? value : fail('expected a PostgreSQL URL such as postgres://user:password@host:5432/campaign_module'),
);

const moduleId = (item: string): ModuleId | undefined => MODULE_IDS.find((id) => id.toLowerCase() === item.toLowerCase());

/** Every variable the bot reads, by its exact name, checked in this order. */
const ENV_SCHEMA = {
  PORT: wholeNumber(65535, 3978),
  HOST: shaped(/^[A-Za-z0-9.:[\]-]+$/, 'an interface address such as 127.0.0.1 or 0.0.0.0'),
  CAMPAIGN_INSTANCE: shaped(INSTANCE, 'a Campaign instance name (letters, digits, _ or -), e.g. prod'),
  CAMPAIGN_INSTANCES: commaList((item) => (INSTANCE.test(item) ? item : undefined), 'comma-separated Campaign instance names (letters, digits, _ or -), e.g. prod,staging'),
  CAMPAIGN_MODULES: commaList(moduleId, `comma-separated module ids from ${MODULE_IDS.join(', ')}`),
  KNOWLEDGE_DIR: anyText,
  LOG_LEVEL: oneOf(['debug', 'info', 'warn', 'error'], 'info'),
  SHUTDOWN_GRACE_SECONDS: wholeNumber(300, 10),
  SLACK_BOT_TOKEN: shaped(/^xoxb-[A-Za-z0-9-]+$/, 'a bot token starting with xoxb-'),
  SLACK_SIGNING_SECRET: shaped(/^[A-Za-z0-9]{16,}$/, 'the Signing Secret from Basic Information (letters and digits, usually 32 hex characters)'),
  SLACK_APP_TOKEN: shaped(/^xapp-[A-Za-z0-9-]+$/, 'an app-level token starting with xapp- (Socket Mode)'),
  SLACK_API_URL: apiUrl,
  SLACK_RESPONSE_TYPE: oneOf(['in_channel', 'ephemeral'], 'in_channel'),
  SLACK_ALERT_CHANNELS: commaList((item) => (SLACK_CHANNEL_ID.test(item) ? item : undefined), 'comma-separated Slack channel ids (C… or G…), e.g. C0123ALERTS'),
  SLACK_ALERT_BOTS: commaList((item) => (SLACK_BOT_ID.test(item) ? item : undefined), 'comma-separated Slack bot ids (B…), e.g. B0123NAGIOS'),
  MicrosoftAppId: shaped(GUID, 'the Azure Bot app id, a GUID like 00000000-0000-0000-0000-000000000000'),
  MicrosoftAppPassword: anyText,
  MicrosoftAppType: anyOf(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']),
  MicrosoftAppTenantId: shaped(GUID, 'the Microsoft Entra tenant id, a GUID'),
  DATA_DIR: anyText,
  DATABASE_URL: databaseUrl,
  STORE_QUESTIONS: oneOf(['none', 'feedback', 'all'], 'feedback'),
  QUESTION_RETENTION_DAYS: wholeNumber(3650, 30),
  HTTPS_PROXY: proxyUrl,
  HTTP_PROXY: proxyUrl,
  NO_PROXY: anyText,
};

/** The names of every environment variable config reads (.env.example lists exactly these). */
export const ENV_NAMES = Object.keys(ENV_SCHEMA) as Array<keyof typeof ENV_SCHEMA>;

type Env = { [Name in keyof typeof ENV_SCHEMA]: ReturnType<(typeof ENV_SCHEMA)[Name]> };

/** Each variable parsed; the first one that does not fit stops it with "NAME: problem". */
function parseEnv<Name extends keyof Env>(env: NodeJS.ProcessEnv, names: readonly Name[]): Pick<Env, Name> {
  const parsed: Record<string, unknown> = {};
  for (const name of names) {
    try {
      parsed[name] = ENV_SCHEMA[name](env[name]);
    } catch (error) {
      if (error instanceof Invalid) throw new ConfigError(`${name}: ${error.message}`);
      throw error;
    }
  }
  return parsed as Pick<Env, Name>;
}

function slackOf(env: Env): SlackConfig | null {
  const {
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_APP_TOKEN: appToken,
    SLACK_API_URL: apiUrl,
    SLACK_ALERT_CHANNELS: alertChannels,
    SLACK_ALERT_BOTS: alertBots,
  } = env;
  if (botToken === undefined && signingSecret === undefined) {
    if (appToken !== undefined) throw new ConfigError('SLACK_APP_TOKEN: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET too, or remove it');
    if (alertChannels !== undefined) throw new ConfigError('SLACK_ALERT_CHANNELS: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET too, or remove it');
    return null;
  }
  if (botToken === undefined) throw new ConfigError('SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET is set (a bot token starting with xoxb-)');
  if (signingSecret === undefined) throw new ConfigError('SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set (the Signing Secret from Basic Information)');
  if (alertBots !== undefined && alertChannels === undefined) throw new ConfigError('SLACK_ALERT_BOTS: set SLACK_ALERT_CHANNELS too (the channels to watch), or remove it');
  return {
    botToken,
    signingSecret,
    responseType: env.SLACK_RESPONSE_TYPE,
    alertChannels: alertChannels ?? [],
    ...(alertBots && { alertBots }),
    ...(appToken && { appToken }),
    ...(apiUrl && { apiUrl }),
  };
}

function teamsOf(env: Env): TeamsConfig {
  const { MicrosoftAppId: appId, MicrosoftAppPassword: appPassword, MicrosoftAppType: typeSet, MicrosoftAppTenantId: tenantId } = env;
  if (typeSet === 'MultiTenant' && tenantId !== undefined) {
    throw new ConfigError('MicrosoftAppTenantId: a MultiTenant bot does not use it; set MicrosoftAppType=SingleTenant if the Azure Bot is single-tenant, or remove it');
  }
  // A tenant id alone means a single-tenant bot, what Azure creates today; without one, a bot registered before.
  const appType = typeSet ?? (tenantId === undefined ? 'MultiTenant' : 'SingleTenant');
  if (appId === undefined) {
    if (appPassword !== undefined) throw new ConfigError('MicrosoftAppPassword: set MicrosoftAppId too, or remove it');
    // Without an app id the endpoint runs unauthenticated for the Emulator: a tenant alone is a half-done Azure setup, not a choice.
    if (tenantId !== undefined)
      throw new ConfigError(
        'MicrosoftAppTenantId: set MicrosoftAppId and MicrosoftAppPassword too, or remove it (without an app id Teams runs in local mode, for the Bot Framework Emulator only)',
      );
    return { appType };
  }
  if (appType !== 'UserAssignedMSI' && appPassword === undefined) {
    throw new ConfigError(`MicrosoftAppPassword: required when MicrosoftAppId is set and MicrosoftAppType is ${appType} (the client secret of the app registration)`);
  }
  if (appType !== 'MultiTenant' && tenantId === undefined) {
    throw new ConfigError(`MicrosoftAppTenantId: required when MicrosoftAppType is ${appType} (the tenant GUID)`);
  }
  return { appId, appType, ...(appPassword && { appPassword }), ...(tenantId && { tenantId }) };
}

/** Values from `.env` in the working directory, under whatever the real environment already sets. */
function withDotenv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const fromFile: Record<string, string> = {};
  dotenv.config({ quiet: true, processEnv: fromFile });
  return { ...fromFile, ...env };
}

/** The variables the CLI reads: never the server's Slack, Teams or network settings, so a half-filled .env cannot stop a diagnosis. */
const CLI_ENV_NAMES = [
  'CAMPAIGN_INSTANCE',
  'CAMPAIGN_INSTANCES',
  'CAMPAIGN_MODULES',
  'KNOWLEDGE_DIR',
  'DATA_DIR',
  'DATABASE_URL',
  'STORE_QUESTIONS',
  'QUESTION_RETENTION_DAYS',
] as const satisfies ReadonlyArray<keyof Env>;

export type CliConfig = Pick<Config, 'instance' | 'instances' | 'modules' | 'knowledgeDir' | 'store'>;

function cliPartOf(vars: Pick<Env, (typeof CLI_ENV_NAMES)[number]>): CliConfig {
  // Commands print the default instance: one the list does not know is most likely a typo, and people run what the card says.
  if (vars.CAMPAIGN_INSTANCE && vars.CAMPAIGN_INSTANCES && !vars.CAMPAIGN_INSTANCES.includes(vars.CAMPAIGN_INSTANCE)) {
    throw new ConfigError(
      `CAMPAIGN_INSTANCE: "${vars.CAMPAIGN_INSTANCE}" is not one of CAMPAIGN_INSTANCES (${vars.CAMPAIGN_INSTANCES.join(', ')}): add it there, or correct the name`,
    );
  }
  return {
    ...(vars.CAMPAIGN_INSTANCE && { instance: vars.CAMPAIGN_INSTANCE }),
    ...(vars.CAMPAIGN_INSTANCES && { instances: vars.CAMPAIGN_INSTANCES }),
    ...(vars.CAMPAIGN_MODULES && { modules: vars.CAMPAIGN_MODULES }),
    knowledgeDir: vars.KNOWLEDGE_DIR ? path.resolve(vars.KNOWLEDGE_DIR) : path.join(PACKAGE_ROOT, 'knowledge'),
    store: {
      ...(vars.DATABASE_URL && { databaseUrl: vars.DATABASE_URL }),
      dataDir: path.resolve(vars.DATA_DIR ?? 'data'),
      questions: vars.STORE_QUESTIONS,
      questionRetentionDays: vars.QUESTION_RETENTION_DAYS,
    },
  };
}

/** The CLI's part of the configuration, validated alike; without `env`, process.env plus `.env`. */
export function loadCliConfig(env?: NodeJS.ProcessEnv): CliConfig {
  return cliPartOf(parseEnv(env ?? withDotenv(process.env), CLI_ENV_NAMES));
}

/** Validates the whole configuration once; throws ConfigError naming the first bad variable. Without `env`, reads process.env plus `.env`. */
export function loadConfig(env?: NodeJS.ProcessEnv): Config {
  const vars = parseEnv(withLowerCaseProxy(env ?? withDotenv(process.env)), ENV_NAMES);
  const teams = teamsOf(vars);
  return {
    ...cliPartOf(vars),
    port: vars.PORT,
    host: vars.HOST ?? (teams.appId ? '0.0.0.0' : '127.0.0.1'),
    hostExplicit: vars.HOST !== undefined,
    logLevel: vars.LOG_LEVEL,
    shutdownGraceMs: vars.SHUTDOWN_GRACE_SECONDS * 1000,
    slack: slackOf(vars),
    teams,
    proxy: {
      ...(vars.HTTPS_PROXY && { httpsProxy: vars.HTTPS_PROXY }),
      ...(vars.HTTP_PROXY && { httpProxy: vars.HTTP_PROXY }),
      ...(vars.NO_PROXY && { noProxy: vars.NO_PROXY }),
    },
  };
}

/** curl and most tools also read the proxy variables in lower case; the upper-case name wins when both are set. */
function withLowerCaseProxy(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, HTTPS_PROXY: env.HTTPS_PROXY ?? env.https_proxy, HTTP_PROXY: env.HTTP_PROXY ?? env.http_proxy, NO_PROXY: env.NO_PROXY ?? env.no_proxy };
}
