import http from 'node:http';
import https from 'node:https';
import type { ProxyConfig } from './config.js';

/**
 * Sends every outbound call through the proxy the operator set, except to hosts in NO_PROXY: fetch (Slack's Web API,
 * response_url, the Bot Framework connector) through undici's dispatcher, and Node's own http(s) agents (Microsoft's
 * token and signing-key endpoints) through proxy-agent; Socket Mode's WebSocket gets its own (slack/app.ts). Both
 * read the standard variables, so the values config settled on (from the environment or .env) are written there
 * first. Loaded only when a proxy is set.
 */
export async function routeThroughProxy(proxy: ProxyConfig): Promise<boolean> {
  if (!proxyIsSet(proxy)) return false;
  const settled: Array<[string, string | undefined]> = [
    ['HTTPS_PROXY', proxy.httpsProxy],
    ['HTTP_PROXY', proxy.httpProxy],
    ['NO_PROXY', proxy.noProxy],
  ];
  for (const [name, value] of settled) {
    // proxy-from-env reads the lower-case name first, undici the upper-case one: both get the same value.
    for (const key of [name, name.toLowerCase()]) {
      if (value) process.env[key] = value;
      else delete process.env[key];
    }
  }
  const [undici, proxyAgent] = await Promise.all([import('undici').then(commonJs), import('proxy-agent').then(commonJs)]);
  const { EnvHttpProxyAgent, setGlobalDispatcher } = undici;
  const { ProxyAgent } = proxyAgent;
  setGlobalDispatcher(new EnvHttpProxyAgent());
  const agent = new ProxyAgent();
  http.globalAgent = agent;
  https.globalAgent = agent;
  return true;
}

export function proxyIsSet(proxy: ProxyConfig): boolean {
  return Boolean(proxy.httpsProxy || proxy.httpProxy);
}

/** A CommonJS package: in the esbuild bundle its exports arrive as the default export, run from source as named ones. */
function commonJs<T>(module: T): T {
  return (module as { default?: T }).default ?? module;
}

/** The proxy as the start-up line shows it: scheme, host and port, never a user name or password. */
export function describeProxy(proxy: ProxyConfig): string {
  const shown = [proxy.httpsProxy, proxy.httpProxy]
    .filter((url): url is string => Boolean(url))
    .map((url) => {
      const { protocol, host } = new URL(url);
      return `${protocol}//${host}`;
    });
  const unique = [...new Set(shown)];
  return proxy.noProxy ? `${unique.join(', ')} (not for ${proxy.noProxy})` : unique.join(', ');
}
