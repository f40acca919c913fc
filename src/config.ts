import { fileURLToPath } from 'node:url';
import path from 'node:path';
import dotenv from 'dotenv';

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
}

export interface Config {
  port: number;
  host: string;
  /** True when HOST was set by the operator rather than defaulted. */
  hostExplicit: boolean;
  instance?: string;
  knowledgeDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  slack: SlackConfig | null;
  teams: TeamsConfig;
}

/** A variable is missing, malformed, or inconsistent with another one. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
const RESPONSE_TYPES = ['in_channel', 'ephemeral'] as const;

type Env = NodeJS.ProcessEnv;

/** Reads a variable; blank values count as unset so a copied .env.example does not half-configure anything. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function matching(env: Env, name: string, pattern: RegExp, shape: string): string | undefined {
  const value = read(env, name);
  if (value !== undefined && !pattern.test(value)) throw new ConfigError(`${name}: expected ${shape}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = read(env, name);
  if (value === undefined) return fallback;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new ConfigError(`${name}: expected one of ${allowed.join(', ')}, got "${value}"`);
  return found;
}

function parsePort(env: Env): number {
  const value = read(env, 'PORT');
  if (value === undefined) return 3978;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new ConfigError(`PORT: expected a whole number from 0 to 65535, got "${value}"`);
  return port;
}

/** Normalises to a trailing slash: the Web API client appends method names directly. */
function parseApiUrl(env: Env): string | undefined {
  const value = read(env, 'SLACK_API_URL');
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`SLACK_API_URL: expected an http(s) URL such as https://slack.com/api/, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`SLACK_API_URL: expected an http(s) URL such as https://slack.com/api/, got "${value}"`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function parseSlack(env: Env): SlackConfig | null {
  const botToken = matching(env, 'SLACK_BOT_TOKEN', /^xoxb-[A-Za-z0-9-]+$/, 'a bot token starting with xoxb-');
  const signingSecret = matching(env, 'SLACK_SIGNING_SECRET', /^[A-Za-z0-9]{16,}$/, 'the Signing Secret from Basic Information (letters and digits, usually 32 hex characters)');
  const appToken = matching(env, 'SLACK_APP_TOKEN', /^xapp-[A-Za-z0-9-]+$/, 'an app-level token starting with xapp- (Socket Mode)');
  const apiUrl = parseApiUrl(env);
  const responseType = oneOf(env, 'SLACK_RESPONSE_TYPE', RESPONSE_TYPES, 'in_channel');
  if (botToken === undefined && signingSecret === undefined) {
    if (appToken !== undefined) throw new ConfigError('SLACK_APP_TOKEN: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET too, or remove it');
    return null;
  }
  if (botToken === undefined) throw new ConfigError('SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET is set (a bot token starting with xoxb-)');
  if (signingSecret === undefined) throw new ConfigError('SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set (the Signing Secret from Basic Information)');
  return { botToken, signingSecret, responseType, ...(appToken && { appToken }), ...(apiUrl && { apiUrl }) };
}

function parseTeams(env: Env): TeamsConfig {
  const appId = matching(env, 'MicrosoftAppId', GUID, 'the Azure Bot app id, a GUID like 00000000-0000-0000-0000-000000000000');
  const appPassword = read(env, 'MicrosoftAppPassword');
  const appType = oneOf(env, 'MicrosoftAppType', APP_TYPES, 'MultiTenant');
  const tenantId = matching(env, 'MicrosoftAppTenantId', GUID, 'the Microsoft Entra tenant id, a GUID');
  if (appId === undefined) {
    if (appPassword !== undefined) throw new ConfigError('MicrosoftAppPassword: set MicrosoftAppId too, or remove it');
    return { appType, ...(tenantId && { tenantId }) };
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
function withDotenv(env: Env): Env {
  const fromFile: Record<string, string> = {};
  dotenv.config({ quiet: true, processEnv: fromFile });
  return { ...fromFile, ...env };
}

/** Validates the whole configuration once; throws ConfigError naming the first bad variable. Without `env`, reads process.env plus `.env`. */
export function loadConfig(env?: Env): Config {
  const source = env ?? withDotenv(process.env);
  const teams = parseTeams(source);
  const host = matching(source, 'HOST', /^[A-Za-z0-9.:[\]-]+$/, 'an interface address such as 127.0.0.1 or 0.0.0.0');
  const instance = matching(source, 'CAMPAIGN_INSTANCE', /^[A-Za-z0-9_-]{1,64}$/, 'a Campaign instance name (letters, digits, _ or -), e.g. prod');
  const knowledgeDir = read(source, 'KNOWLEDGE_DIR');
  return {
    port: parsePort(source),
    host: host ?? (teams.appId ? '0.0.0.0' : '127.0.0.1'),
    hostExplicit: host !== undefined,
    ...(instance && { instance }),
    knowledgeDir: knowledgeDir ? path.resolve(knowledgeDir) : path.join(REPO_ROOT, 'knowledge'),
    logLevel: oneOf(source, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    slack: parseSlack(source),
    teams,
  };
}
