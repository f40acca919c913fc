import { describe, expect, it } from 'vitest';
import { ANSWER_BUDGET_MS, CONNECTOR_TIMEOUT_MS, INVOKE_BUDGET_MS } from '../../src/teams/timeouts.js';
import { LABELS } from '../../src/render/labels.js';
import { cardSubmit, personalMessage } from './activities.js';
import { botAndConnectorForFile, logged } from './bot-harness.js';

/**
 * The connector timeout these tests run with: short, so a hanging connector costs little, yet long
 * enough that a loopback answer delayed by a busy machine (same process, same event loop) still counts.
 */
const TIMEOUT_MS = 2_000;
/** How long a request may take at most with the connector hanging, on a loaded machine. */
const BOUND_MS = 10_000;

describe('Teams connector calls that hang or fail', () => {
  const t = botAndConnectorForFile({}, { teams: { connectorTimeoutMs: TIMEOUT_MS } });

  /** POSTs an activity and says how long the answer took; the test's own abort turns a hang into a failure. */
  async function timedPost(activity: unknown): Promise<{ status: number; ms: number }> {
    const started = performance.now();
    const res = await fetch(t.bot.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(BOUND_MS),
    });
    return { status: res.status, ms: performance.now() - started };
  }

  it('gives up on a connector that never answers, answers 202 (received, answer dropped) and logs the drop', async () => {
    t.connector.hangNext(1);
    const { status, ms } = await timedPost(personalMessage(t.connector.url, 'emails stopped going out'));
    expect(status).toBe(202);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(BOUND_MS);
    // The turn is over when the request is answered, so a retry or an apology would already be here.
    expect(t.connector.received).toHaveLength(1);
    const [drop] = logged(t.bot, 'teams: answer dropped');
    expect(drop).toMatchObject({ level: 'warn', code: 'CONNECTOR_TIMEOUT', activityType: 'message' });
    expect(t.bot.lines.join('\n')).not.toContain('emails stopped going out');
  });

  it('does not fall back to a new card when replacing the card timed out: the PUT may have landed', async () => {
    t.connector.hangNext(1);
    const { status } = await timedPost(cardSubmit(t.connector.url, 'bot-activity-51', { action: 'show-module', module: 'mta', lang: 'en' }));
    expect(status).toBe(202);
    expect(t.connector.received).toEqual([expect.stringMatching(/^PUT /)]);
  });

  it('sends the answer once and the apology once when the connector fails: no retries', async () => {
    t.connector.failNext(2, 503);
    const { status } = await timedPost(personalMessage(t.connector.url, 'list'));
    expect(status).toBe(200);
    expect(t.connector.received).toHaveLength(2);
    expect(logged(t.bot, 'teams: turn failed')).toEqual([expect.objectContaining({ status: 503 })]);
    expect(logged(t.bot, 'teams: could not tell the user that the turn failed')).toHaveLength(1);
  });

  it('counts an answer for the feedback report only once the connector took it', async () => {
    const before = t.bot.answers.length;
    t.connector.failNext(2, 503);
    await timedPost(personalMessage(t.connector.url, 'emails stopped going out'));
    expect(t.bot.answers).toHaveLength(before);
    await timedPost(personalMessage(t.connector.url, 'emails stopped going out'));
    expect(t.bot.answers).toHaveLength(before + 1);
  });

  it('sends the answer again once after a 429 whose Retry-After is short: the connector did not take it', async () => {
    t.connector.failNext(1, 429, '1');
    const { status } = await timedPost(personalMessage(t.connector.url, 'list'));
    expect(status).toBe(200);
    expect(t.connector.received).toHaveLength(2);
    expect(t.connector.calls).toHaveLength(1);
    expect(logged(t.bot, 'teams: turn failed')).toEqual([]);
  });

  it.each(['1.5', () => new Date(Date.now() + 1000).toUTCString()])('reads a Retry-After of %s too', async (retryAfter) => {
    t.connector.failNext(1, 429, typeof retryAfter === 'string' ? retryAfter : retryAfter());
    const { status } = await timedPost(personalMessage(t.connector.url, 'list'));
    expect(status).toBe(200);
    expect(t.connector.calls).toHaveLength(1);
    expect(logged(t.bot, 'teams: turn failed')).toEqual([]);
  });

  it('does not wait for a long Retry-After: the turn fails as before, with one apology', async () => {
    t.connector.failNext(1, 429, '30');
    const { status } = await timedPost(personalMessage(t.connector.url, 'list'));
    expect(status).toBe(200);
    expect(logged(t.bot, 'teams: turn failed')).toEqual([expect.objectContaining({ status: 429 })]);
    expect(t.connector.received).toHaveLength(2);
  });

  it("logs the connector's refusal without the question its error quotes back", async () => {
    t.connector.failNext(2, 400);
    const { status } = await timedPost(personalMessage(t.connector.url, 'zebrafrost: mta@prod is down since 9'));
    expect(status).toBe(200);
    expect(logged(t.bot, 'teams: turn failed')).toContainEqual(expect.objectContaining({ status: 400, message: 'Bad activity [detail omitted]' }));
    expect(t.bot.lines.join('\n')).not.toContain('zebrafrost');
  });

  it('answers within the bound when the apology hangs after the answer was refused', async () => {
    t.connector.failNext(1, 400);
    t.connector.hangNext(1);
    const { status, ms } = await timedPost(personalMessage(t.connector.url, 'help'));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(status).toBe(202);
    expect(t.connector.received).toHaveLength(2);
    expect(logged(t.bot, 'teams: could not tell the user that the turn failed')).toEqual([expect.objectContaining({ code: 'CONNECTOR_TIMEOUT' })]);
  });

  it('keeps answering normally afterwards', async () => {
    const { status } = await timedPost(personalMessage(t.connector.url, 'list'));
    expect(status).toBe(200);
    expect(t.connector.calls.map((c) => String(c.body.summary))).toEqual([expect.stringContaining(LABELS.en.listTitle)]);
  });
});

describe('Teams turns that fail slowly: the whole turn stays within the time Teams waits', () => {
  /** Scaled down from Teams' ~15 s: the turn answers within 3 s, each connector call gives up after 4 s. */
  const BUDGET_MS = 3_000;
  const t = botAndConnectorForFile({}, { teams: { connectorTimeoutMs: 4_000, answerBudgetMs: BUDGET_MS } });

  async function timedPost(activity: unknown): Promise<{ status: number; ms: number }> {
    const started = performance.now();
    const res = await fetch(t.bot.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity), signal: AbortSignal.timeout(BOUND_MS) });
    return { status: res.status, ms: performance.now() - started };
  }

  it('skips the apology when the card was refused with too little time left to send one', async () => {
    t.connector.delayNext(1, 2_500, 502);
    const { status, ms } = await timedPost(personalMessage(t.connector.url, 'emails stopped going out'));
    expect(status).toBe(200);
    expect(ms).toBeLessThan(BUDGET_MS + 500);
    expect(t.connector.received).toHaveLength(1);
    expect(logged(t.bot, 'teams: too late to tell the user that the turn failed')).toHaveLength(1);
  });

  it('gives the apology only the time that is left, then answers 202', async () => {
    t.connector.delayNext(1, 1_000, 502);
    t.connector.delayNext(1, 3_500);
    const { status, ms } = await timedPost(personalMessage(t.connector.url, 'emails stopped going out'));
    expect(status).toBe(202);
    expect(ms).toBeLessThan(BUDGET_MS + 500);
    expect(t.connector.received).toHaveLength(2);
    expect(logged(t.bot, 'teams: could not tell the user that the turn failed')).toEqual([expect.objectContaining({ code: 'CONNECTOR_TIMEOUT' })]);
    // The apology the connector still answers after the turn must not reach the next test.
    await t.connector.waitFor(1, 5_000);
  });
});

describe('the default connector timeout', () => {
  it('leaves room inside the ~15 s Teams waits for the HTTP answer', () => {
    expect(CONNECTOR_TIMEOUT_MS).toBeLessThan(15_000);
    expect(ANSWER_BUDGET_MS).toBeLessThan(15_000);
    expect(INVOKE_BUDGET_MS).toBeLessThan(5_000);
  });
});
