import { isValidSlackRequest } from '@slack/bolt';
import express, { type RequestHandler } from 'express';
import type { Logger } from '../logger.js';
import { actionPattern, SLACK_ACTIONS } from './actions.js';
import { SLASH_COMMAND } from './request-url.js';
import { ASK_SHORTCUT_CALLBACK_ID } from './message-shortcut.js';

/** Bolt's own limit on a request body; over it the answer stays 413. */
const BODY_LIMIT = 4 * 1024 * 1024;
const ACTION_PATTERNS = Object.values(SLACK_ACTIONS).map(actionPattern);
/** Bolt answers these itself, before any listener. */
const HANDLED_BY_BOLT = new Set(['url_verification', 'ssl_check']);

type Shape = { ok: true } | { ok: false; status: 200 | 400; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const refuse = (reason: string): Shape => ({ ok: false, status: 400, reason });
/** Signed, well formed, but nothing this app listens to: answered at once, so Slack does not wait 3 s for a 404. */
const notOurs = (reason: string): Shape => ({ ok: false, status: 200, reason });

/** The body as Bolt will read it: JSON, a form whose `payload` field is JSON, or a plain form (a slash command). */
function parse(raw: string, contentType: string | undefined): unknown {
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    // A field sent twice reaches Bolt as a list: keep it one here, so the shape check sees what Bolt will.
    const form: Record<string, string | string[]> = {};
    for (const [key, value] of new URLSearchParams(raw)) {
      const known = form[key];
      form[key] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
    }
    return typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
  }
  return JSON.parse(raw);
}

/** Whether a signed body is something the app's listeners can read, and if not why. */
export function shapeOf(body: unknown): Shape {
  if (!isObject(body)) return refuse('the body is not an object');
  if (typeof body.command === 'string') {
    if (body.command !== SLASH_COMMAND) return notOurs('another slash command');
    for (const field of ['text', 'user_id', 'channel_id', 'response_url', 'trigger_id'] as const) {
      if (body[field] !== undefined && typeof body[field] !== 'string') return refuse(`${field} is not a string`);
    }
    return { ok: true };
  }
  if (body.ssl_check !== undefined) return { ok: true };
  const { type } = body;
  if (typeof type !== 'string') return refuse('no type');
  if (HANDLED_BY_BOLT.has(type)) return { ok: true };
  if (type === 'event_callback') {
    const { event } = body;
    if (!isObject(event) || typeof event.type !== 'string') return refuse('event without a type');
    for (const field of ['text', 'user', 'channel', 'ts', 'thread_ts'] as const) {
      if (event[field] !== undefined && typeof event[field] !== 'string') return refuse(`event.${field} is not a string`);
    }
    return { ok: true };
  }
  if (type === 'block_actions' || type === 'message_action') {
    if (!isObject(body.user) || typeof body.user.id !== 'string') return refuse('no user id');
    if (type === 'message_action') return body.callback_id === ASK_SHORTCUT_CALLBACK_ID ? { ok: true } : notOurs('another shortcut');
    const { actions } = body;
    if (!Array.isArray(actions) || actions.length === 0) return refuse('no actions');
    if (!actions.every((a) => isObject(a) && typeof a.action_id === 'string')) return refuse('an action without an id');
    if (!actions.every((a) => a.value === undefined || typeof a.value === 'string')) return refuse('an action value is not a string');
    if (!actions.every((a) => a.selected_option === undefined || (isObject(a.selected_option) && typeof a.selected_option.value === 'string'))) {
      return refuse('a selected option without a value');
    }
    const { message } = body;
    if (message !== undefined && (!isObject(message) || (message.blocks !== undefined && !Array.isArray(message.blocks)))) return refuse('message.blocks is not a list');
    return actions.some((a) => ACTION_PATTERNS.some((p) => p.test(String(a.action_id)))) ? { ok: true } : notOurs('actions of no card of this app');
  }
  return notOurs('a kind of request this app does not handle');
}

/**
 * Express middleware in front of Bolt's receiver. A correctly signed body that Bolt would choke on
 * (`null`, an event that is not an object, a click without a user) gets 400 instead of a 500, and
 * a signed request no listener handles (another command, a modal) gets 200 at once instead of a
 * 404 after Bolt's 3 s wait. Unsigned requests pass on untouched: Bolt refuses them with 401.
 * The body is read once: Bolt reads `rawBody` instead of the stream.
 */
export function refuseMalformedRequests(signingSecret: string, log: Logger): RequestHandler {
  const read = express.raw({ type: () => true, limit: BODY_LIMIT, inflate: false });
  return (req, res, next) => {
    read(req, res, (error?: unknown) => {
      if (error) {
        const status = (error as { status?: unknown }).status === 413 ? 413 : 400;
        log.warn('slack: refused a request', { reason: status === 413 ? 'body over 4 MB' : 'body could not be read' });
        // The rest of the body is not read: close the connection rather than drain what may never end.
        res.set('connection', 'close').status(status).send();
        return;
      }
      if (!Buffer.isBuffer(req.body)) {
        next();
        return;
      }
      const raw = req.body.toString('utf8');
      Object.assign(req, { rawBody: req.body });
      const signature = req.get('x-slack-signature');
      const timestamp = Number(req.get('x-slack-request-timestamp'));
      if (!signature || !isValidSlackRequest({ signingSecret, body: raw, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } })) {
        next();
        return;
      }
      let shape: Shape;
      try {
        shape = shapeOf(parse(raw, req.get('content-type')));
      } catch {
        shape = refuse('the body is not valid JSON');
      }
      if (shape.ok) {
        next();
        return;
      }
      if (shape.status === 400) log.warn('slack: refused a malformed request', { reason: shape.reason });
      else log.info('slack: acknowledged a request no listener handles', { reason: shape.reason });
      res.status(shape.status).send();
    });
  };
}
