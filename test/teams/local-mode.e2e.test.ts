import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { personalMessage } from './activities.js';
import { botAndConnectorForFile, logged, post } from './bot-harness.js';

/** A POST with exactly these headers (fetch will not send a forged Host), answered with status, headers and body. */
function rawPost(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('Teams local mode (no app id) refuses what a web page could send', () => {
  const t = botAndConnectorForFile();
  const host = () => new URL(t.bot.url).host;

  const activity = () => JSON.stringify(personalMessage(t.connector.url, 'emails stopped going out'));

  it('refuses the cross-site text/plain POST a page can send without a preflight (403) and posts nothing', async () => {
    const res = await rawPost(t.bot.url, activity(), { host: host(), origin: 'https://attacker.example', 'content-type': 'text/plain;charset=UTF-8' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toEqual({ error: 'forbidden' });
    expect(t.connector.received).toEqual([]);
  });

  it('refuses any request carrying an Origin, even as JSON from a loopback page (403)', async () => {
    const res = await rawPost(t.bot.url, activity(), { host: host(), origin: 'http://127.0.0.1:8080', 'content-type': 'application/json' });
    expect(res.status).toBe(403);
    expect(t.connector.received).toEqual([]);
  });

  it('refuses a Host that is not loopback, as a DNS-rebinding page would send (403)', async () => {
    for (const forged of ['attacker.example', `attacker.example:${new URL(t.bot.url).port}`, '127.0.0.1.attacker.example']) {
      const res = await rawPost(t.bot.url, activity(), { host: forged, 'content-type': 'application/json' });
      expect(res.status).toBe(403);
    }
    expect(t.connector.received).toEqual([]);
    expect(logged(t.bot, 'teams: request refused').at(-1)).toMatchObject({ status: 403, code: 'TEAMS_LOCAL_HOST' });
  });

  it('accepts only application/json (415 otherwise)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await rawPost(t.bot.url, activity(), { host: host(), 'content-type': type });
      expect(res.status).toBe(415);
      expect(JSON.parse(res.body)).toEqual({ error: 'unsupported media type' });
    }
    expect((await rawPost(t.bot.url, activity(), { host: host() })).status).toBe(415);
    expect(t.connector.received).toEqual([]);
  });

  it('refuses an activity whose serviceUrl is not loopback (400), before any outbound call', async () => {
    // 0.0.0.0 reaches this machine on Linux, so the recorder would see the post if the bot made it.
    const sneaky = t.connector.url.replace('127.0.0.1', '0.0.0.0');
    for (const serviceUrl of [sneaky, 'https://attacker.example/', 'http://169.254.169.254/latest/', 'file:///etc/passwd']) {
      const res = await post(t.bot.url, personalMessage(serviceUrl, 'help'));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'serviceUrl must be a loopback address in local mode' });
    }
    expect(t.connector.received).toEqual([]);
    expect(logged(t.bot, 'teams: turn failed')).toEqual([]);
  });

  it('still answers the Bot Framework Emulator: JSON, loopback Host, loopback serviceUrl, no Origin', async () => {
    for (const emulatorHost of [host(), `localhost:${new URL(t.bot.url).port}`]) {
      const res = await rawPost(t.bot.url, activity(), { host: emulatorHost, 'content-type': 'application/json; charset=utf-8' });
      expect(res.status).toBe(200);
    }
    expect(t.connector.calls).toHaveLength(2);
    const viaLocalhost = await post(t.bot.url, personalMessage(t.connector.url.replace('127.0.0.1', 'localhost'), 'help'));
    expect(viaLocalhost.status).toBe(200);
  });
});
