import { get, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProxy, routeThroughProxy } from '../src/proxy.js';
import { startProxyStandIn, type ProxyStandIn } from './proxy-stand-in.js';

// Changes process-wide state (the fetch dispatcher, Node's global agents): listed as isolated in vitest.config.ts.
let proxy: ProxyStandIn;
let target: Server;
let targetUrl: string;

beforeAll(async () => {
  proxy = await startProxyStandIn();
  target = createServer((_req, res) => res.end('target answered'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => target.close(() => resolve()));
});

function getWithNodeAgent(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

describe('routeThroughProxy', () => {
  it('does nothing without a proxy', async () => {
    expect(await routeThroughProxy({})).toBe(false);
    expect(await (await fetch(`${targetUrl}/direct`)).text()).toBe('target answered');
    expect(proxy.relayed).toEqual([]);
  });

  it('sends fetch and Node http calls through the proxy, with its credentials, and skips hosts in NO_PROXY', async () => {
    expect(await routeThroughProxy({ httpProxy: proxy.url.replace('http://', 'http://bot:s3cret@'), noProxy: 'internal.example.com' })).toBe(true);
    expect(await (await fetch(`${targetUrl}/by-fetch`)).text()).toBe('target answered');
    expect(await getWithNodeAgent(`${targetUrl}/by-node-agent`)).toBe('target answered');
    // undici tunnels every call (CONNECT); Node's agent relays a plain-HTTP one by its full URL.
    expect(proxy.relayed.map((r) => r.line)).toEqual([`CONNECT ${new URL(targetUrl).host}`, `GET ${targetUrl}/by-node-agent`]);
    for (const r of proxy.relayed) expect(r.proxyAuthorization).toBe(`Basic ${Buffer.from('bot:s3cret').toString('base64')}`);

    proxy.relayed.length = 0;
    await routeThroughProxy({ httpProxy: proxy.url, noProxy: '127.0.0.1' });
    expect(await (await fetch(`${targetUrl}/bypass`)).text()).toBe('target answered');
    expect(await getWithNodeAgent(`${targetUrl}/bypass-node`)).toBe('target answered');
    expect(proxy.relayed).toEqual([]);
  });
});

describe('describeProxy', () => {
  it('shows scheme, host and port, never the credentials', () => {
    expect(describeProxy({ httpsProxy: 'http://bot:s3cret@proxy.corp:3128', noProxy: 'localhost,.corp' })).toBe('http://proxy.corp:3128 (not for localhost,.corp)');
    expect(describeProxy({ httpsProxy: 'http://proxy.corp:3128', httpProxy: 'http://proxy.corp:3128' })).toBe('http://proxy.corp:3128');
  });
});
