import { createHmac } from 'node:crypto';

/** Shapes of what Slack sends to a Request URL, following Slack's API reference for each payload. */

export const SIGNING_SECRET = '5e1c0a7d2f9b48e6a3c1d0f7b2e94a68';
export const BOT_TOKEN = 'xoxb-1234567890-0987654321-StandInTokenValue';
export const TEAM = 'T0001';
export const USER = 'U0HUMAN1';

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` keyed by the signing secret. */
export function signatureHeaders(body: string, options: { secret?: string; timestamp?: number } = {}): Record<string, string> {
  const timestamp = String(options.timestamp ?? nowSeconds());
  const digest = createHmac('sha256', options.secret ?? SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex');
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': `v0=${digest}` };
}

export interface SignedPost {
  body: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
}

/** POSTs a body to the Request URL with a real signature (or the given headers instead). */
export async function postSigned(url: string, post: SignedPost, options: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': post.contentType, ...signatureHeaders(post.body, options), ...options.headers },
    body: post.body,
  });
}

/** A slash command as Slack posts it: form fields, `text` being whatever followed the command. */
export function slashCommand(text: string, responseUrl: string, overrides: Record<string, string> = {}): SignedPost {
  const fields = {
    token: 'deprecated-verification-token',
    team_id: TEAM,
    team_domain: 'example',
    channel_id: 'C0INCIDENT',
    channel_name: 'incident-42',
    user_id: USER,
    user_name: 'oncall',
    command: '/campaign-module',
    text,
    api_app_id: 'A0CAMPAIGN',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    ...overrides,
  };
  return { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
}

let eventCounter = 0;

/** An Events API callback wrapping `event`; a fresh event_id unless one is given (redelivery reuses it). */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev0TEST${(eventCounter += 1)}`): SignedPost {
  const body = {
    token: 'deprecated-verification-token',
    team_id: TEAM,
    api_app_id: 'A0CAMPAIGN',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: nowSeconds(),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: '4-eyJldCI6ImFwcF9tZW50aW9uIn0',
  };
  return { body: JSON.stringify(body), contentType: 'application/json' };
}

let tsCounter = 0;
export function messageTs(): string {
  return `${nowSeconds()}.${String((tsCounter += 1)).padStart(6, '0')}`;
}

export function appMention(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = messageTs();
  return { type: 'app_mention', user: USER, text, ts, channel: 'C0INCIDENT', event_ts: ts, team: TEAM, client_msg_id: `msg-${ts}`, ...extra };
}

export function directMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = messageTs();
  return { type: 'message', channel: 'D0BOTDM01', user: USER, text, ts, event_ts: ts, channel_type: 'im', team: TEAM, ...extra };
}

export interface ClickedAction {
  action_id: string;
  value?: string;
  block_id?: string;
  text?: string;
  /** A menu choice instead of a button: the chosen option's value. */
  selected?: string;
  /** Who clicked, when not the usual on-call user. */
  user?: string;
}

/**
 * A block_actions interaction: form field `payload` holding JSON, with the message the button sat on (unless ephemeral;
 * `thread_ts` when it is a reply in a thread), in #incident-42 unless `where` names the channel and the message's ts.
 */
export function blockActions(
  action: ClickedAction,
  responseUrl: string,
  message?: { text: string; blocks: unknown[]; thread_ts?: string },
  where: { channel: string; name: string; ts: string } = { channel: 'C0INCIDENT', name: 'incident-42', ts: messageTs() },
): SignedPost {
  const messageTsValue = where.ts;
  const payload = {
    type: 'block_actions',
    user: { id: action.user ?? USER, username: 'oncall', name: 'oncall', team_id: TEAM },
    api_app_id: 'A0CAMPAIGN',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: messageTsValue, channel_id: where.channel, is_ephemeral: message === undefined },
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    team: { id: TEAM, domain: 'example' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: where.channel, name: where.name },
    ...(message && { message: { type: 'message', user: 'UBOT', bot_id: 'BBOT', ts: messageTsValue, ...message } }),
    state: { values: {} },
    response_url: responseUrl,
    actions: [
      action.selected === undefined
        ? {
            type: 'button',
            action_id: action.action_id,
            block_id: action.block_id ?? 'b1',
            text: { type: 'plain_text', text: action.text ?? 'button', emoji: true },
            ...(action.value !== undefined && { value: action.value }),
            action_ts: `${nowSeconds()}.000001`,
          }
        : {
            type: 'static_select',
            action_id: action.action_id,
            block_id: action.block_id ?? 'b1',
            selected_option: { text: { type: 'plain_text', text: action.selected, emoji: true }, value: action.selected },
            action_ts: `${nowSeconds()}.000001`,
          },
    ],
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}
