import { describe, expect, it } from 'vitest';
import { postKeptAlive } from '../kept-alive.js';
import { botForFile, settle } from './bot-harness.js';
import { appMention, blockActions, eventCallback, postSigned, type SignedPost, slashCommand } from './requests.js';

const bot = botForFile();

const json = (body: unknown): SignedPost => ({ body: JSON.stringify(body), contentType: 'application/json' });
const payload = (body: unknown): SignedPost => ({ body: new URLSearchParams({ payload: JSON.stringify(body) }).toString(), contentType: 'application/x-www-form-urlencoded' });
/** A click as Slack sends it, with one field changed. */
const click = (change: (body: Record<string, unknown>) => void): SignedPost => {
  const form = new URLSearchParams(blockActions({ action_id: 'feedback_helpful', value: 'helpful|mta|en' }, bot().api.responseUrl()).body);
  const body = JSON.parse(form.get('payload') ?? '{}') as Record<string, unknown>;
  change(body);
  return payload(body);
};

const withEvent = (body: { event: object }, change: object) => ({ ...body, event: { ...body.event, ...change } });

/** Well within Bolt's 3 s wait for an acknowledgement, which a request no listener handles used to sit out. */
const PROMPT_MS = 2_000;

async function timed(post: SignedPost): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await postSigned(bot().eventsUrl, post);
  return { status: res.status, ms: performance.now() - started };
}

describe('signed requests the bot cannot read', () => {
  it.each<[string, () => SignedPost]>([
    ['a JSON null', () => ({ body: 'null', contentType: 'application/json' })],
    ['a JSON array', () => ({ body: '[1,2]', contentType: 'application/json' })],
    ['an event that is null', () => json({ type: 'event_callback', event_id: 'EvNULL', team_id: 'T1', event: null })],
    ['a mention whose text is a number', () => json(withEvent(JSON.parse(eventCallback(appMention('x')).body), { text: 12345 }))],
    ['a click whose actions are null', () => click((b) => (b.actions = null))],
    ['a click with no actions', () => click((b) => (b.actions = []))],
    ['a click with no user', () => click((b) => delete b.user)],
    ['a slash command whose text is sent twice', () => ({ ...slashCommand('mta', bot().api.responseUrl()), body: `${slashCommand('mta', bot().api.responseUrl()).body}&text=b` })],
    ['a click whose value is a number', () => click((b) => (b.actions = [{ type: 'button', action_id: 'feedback_helpful', value: 12 }]))],
    ['a click whose message blocks are a string', () => click((b) => (b.message = { ts: '1.2', blocks: 'x' }))],
  ])('refuses %s with 400 at once, not a 500', async (_, post) => {
    const { status, ms } = await timed(post());
    expect(status).toBe(400);
    expect(ms).toBeLessThan(PROMPT_MS);
  });

  it.each<[string, () => SignedPost]>([
    ['an unknown type', () => json({ type: 'weird' })],
    ['another app’s slash command', () => slashCommand('mta', bot().api.responseUrl(), { command: '/other' })],
    ['a modal submission', () => payload({ type: 'view_submission', user: { id: 'U1' }, view: { id: 'V1' } })],
    ['a click on a button this app never drew', () => click((b) => (b.actions = [{ type: 'button', action_id: 'approve_request', value: 'x' }]))],
  ])('acknowledges %s with 200 at once instead of a 404 after 3 s', async (_, post) => {
    const { status, ms } = await timed(post());
    expect(status).toBe(200);
    expect(ms).toBeLessThan(PROMPT_MS);
  });

  it('answers a body over 4 MB with 413 and closes that connection instead of reading on', async () => {
    const res = await postKeptAlive(bot().eventsUrl, JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(4 * 1024 * 1024) }), 'application/json');
    expect(res.status).toBe(413);
    expect(res.connection).toBe('close');
  });

  it('still refuses an unsigned malformed request with 401, and keeps answering', async () => {
    const res = await postSigned(bot().eventsUrl, { body: 'null', contentType: 'application/json' }, { secret: 'f'.repeat(32) });
    expect(res.status).toBe(401);
    const answer = await postSigned(bot().eventsUrl, slashCommand('emails stuck in pending', bot().api.responseUrl()));
    expect(answer.status).toBe(200);
    expect(JSON.stringify(await answer.json())).toContain('mta');
    await settle();
    expect(bot().logs.some((l) => l.includes('slack: refused a malformed request'))).toBe(true);
    expect(bot().logs.some((l) => l.includes('"level":"error"'))).toBe(false);
  });
});
