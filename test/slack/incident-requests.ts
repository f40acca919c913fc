import { messageTs, TEAM, USER, type SignedPost } from './requests.js';

/**
 * Payloads for the ways in that meet an incident where it is, shaped as Slack's references show
 * them: a message shortcut (`message_action`), channel messages from alert integrations and the
 * Home tab's `app_home_opened`.
 */

export const INCIDENT_CHANNEL = 'C0INCIDENT';
export const ALERT_CHANNEL = 'C0ALERTS1';
export const ALERT_BOT = 'B0NAGIOS1';

/** A message shortcut on `message` in `channel`: form field `payload` holding JSON, as Slack posts interactions. */
export function messageAction(message: Record<string, unknown>, responseUrl: string, channel = INCIDENT_CHANNEL): SignedPost {
  const payload = {
    type: 'message_action',
    token: 'deprecated-verification-token',
    action_ts: `${messageTs()}`,
    team: { id: TEAM, domain: 'example' },
    user: { id: USER, username: 'oncall', name: 'oncall', team_id: TEAM },
    channel: { id: channel, name: 'incident-42' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: 'ask_campaign_module',
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    response_url: responseUrl,
    message_ts: message.ts,
    message,
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** A person's channel message as conversations.replies returns it (text repeated as a rich_text block). */
export function personMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = messageTs();
  return {
    type: 'message',
    user: USER,
    text,
    ts,
    team: TEAM,
    blocks: [{ type: 'rich_text', block_id: 'rt1', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }] }],
    ...extra,
  };
}

/**
 * A monitoring integration's post as the `message` event delivers it from a public channel:
 * a legacy `bot_message` with the alert in an attachment and an empty `text`.
 */
export function alertMessage(alert: string, options: { channel?: string; botId?: string; title?: string } = {}): Record<string, unknown> {
  const ts = messageTs();
  return {
    type: 'message',
    subtype: 'bot_message',
    bot_id: options.botId ?? ALERT_BOT,
    username: 'Nagios',
    text: '',
    attachments: [{ id: 1, color: 'd50200', fallback: alert, title: options.title ?? 'PROBLEM Service Alert', text: alert }],
    ts,
    channel: options.channel ?? ALERT_CHANNEL,
    event_ts: ts,
    channel_type: 'channel',
  };
}

/** The user opened the bot's Home tab. */
export function appHomeOpened(user = USER): Record<string, unknown> {
  return { type: 'app_home_opened', user, channel: 'D0BOTDM01', tab: 'home', event_ts: messageTs() };
}
