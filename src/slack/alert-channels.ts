import type { App } from '@slack/bolt';
import { LIKELY_CONFIDENCE, type Reply } from '../core/reply.js';
import type { Triage } from '../core/triage.js';
import type { SlackConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { instanceOf } from '../render/instance-choice.js';
import { renderSlack, type SlackMessage, type SlackRenderOptions } from './blocks.js';
import { ALERT_STORM_WINDOW_MS, createAlertStorm, isTallyPoint, type AlertStorm } from './alert-storm.js';
import { type AlertThread, renderTally, showTally } from './alert-tally.js';
import type { EventDedupe } from '../event-dedupe.js';
import { isAllClear } from './all-clear.js';
import { answerClaim, releaseAnswerClaim } from './answer-claim.js';
import { slackMessageText } from './message-text.js';

/** A channel message as the `message.channels` / `message.groups` events deliver it. */
interface ChannelMessage {
  channel?: string;
  channel_type?: string;
  ts?: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: unknown;
  attachments?: unknown;
  blocks?: unknown;
}

/** The answer standing for a storm: the thread it was posted in (undefined if another replica answered) and its tally message. */
export interface StormAnswer {
  thread: Promise<AlertThread | undefined>;
  lang: Reply['lang'];
  /** The tally message once posted; later tally points edit it. */
  tallyTs?: string | undefined;
  /** The count the tally message shows: queued tallies that would show it again send nothing. */
  shown?: number;
  /** Tallies run one after another, so the last one shows the highest count. */
  tallies: Promise<void>;
}

export interface AlertChannelDeps {
  config: Pick<SlackConfig, 'alertChannels' | 'alertBots'>;
  triage: Triage;
  renderOptions: SlackRenderOptions;
  log: Logger;
  /** Which alerts were already answered; tests hand in one with their own clock. */
  storm?: AlertStorm<StormAnswer>;
  /** Shared by the replicas: the first to claim a storm answers it, the others stay silent. Also claims each answer's message, with the shortcut. */
  dedupe: EventDedupe;
}

/** A top-level post by a bot or integration other than this one, in a watched channel, from a listed bot when a list is set. */
export function isWatchedAlert(message: ChannelMessage, config: AlertChannelDeps['config'], self: { botId?: string | undefined; botUserId?: string | undefined }): boolean {
  if (!message.channel || !message.ts || !config.alertChannels.includes(message.channel)) return false;
  // Edits, deletions and joins are not alerts; a bot's reply in a thread is a conversation, not an alert.
  if ((message.subtype !== undefined && message.subtype !== 'bot_message') || (message.thread_ts !== undefined && message.thread_ts !== message.ts)) return false;
  if (message.bot_id === undefined) return false;
  if (message.bot_id === self.botId || (message.user !== undefined && message.user === self.botUserId)) return false;
  return config.alertBots === undefined || config.alertBots.includes(message.bot_id);
}

/** The module and instance an alert is about, when it names a module at least "likely"; undefined: stay silent. */
function alertSubject(reply: Reply, configured: string | undefined): { module: string; key: string } | undefined {
  if (reply.kind !== 'diagnosis' || reply.diagnosis.module === null || reply.diagnosis.confidence < LIKELY_CONFIDENCE) return undefined;
  const { module } = reply.diagnosis;
  return { module, key: `${module}@${instanceOf(reply, configured).name ?? '-'}` };
}

/**
 * Monitoring alerts in the channels of SLACK_ALERT_CHANNELS: a bot's post that names a module is
 * answered in its thread, once per channel, module and instance per storm window; every other post is left alone.
 */
export function registerAlertChannels(app: App, deps: AlertChannelDeps): void {
  if (deps.config.alertChannels.length === 0) return;
  const { triage, log, renderOptions } = deps;
  const storm = deps.storm ?? createAlertStorm<StormAnswer>();
  const { dedupe } = deps;
  const claimStorm = (key: string): Promise<boolean> => dedupe.claimFor?.(`alert-storm:${key}`, ALERT_STORM_WINDOW_MS) ?? Promise.resolve(true);
  const releaseStorm = async (key: string): Promise<void> => {
    storm.forget(key);
    await dedupe.release(`alert-storm:${key}`);
  };
  /** Posts the card in the alert's thread, unless the shortcut already put one there. */
  const answerInThread = async (channel: string, ts: string, message: SlackMessage, client: App['client']): Promise<void> => {
    const claim = answerClaim(channel, ts);
    if (!(await dedupe.claim(claim))) {
      log.info('slack: alert already answered in its thread');
      return;
    }
    try {
      await client.chat.postMessage({ channel, thread_ts: ts, ...message, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      await releaseAnswerClaim(dedupe, claim, error);
      throw error;
    }
  };

  app.event('message', async ({ event, context: ctx, client }) => {
    const alert = event as ChannelMessage;
    if (!isWatchedAlert(alert, deps.config, ctx) || !alert.channel || !alert.ts) return;
    const text = slackMessageText(alert);
    if (isAllClear(text)) {
      log.debug('slack: all-clear alert left unanswered');
      return;
    }
    const reply = text === '' ? undefined : triage.reply(text);
    const subject = reply && alertSubject(reply, renderOptions.instance);
    if (!reply || !subject) {
      log.debug('slack: alert left unanswered', { kind: reply?.kind ?? 'no-text' });
      return;
    }
    const { channel, ts } = alert;
    // Each watched channel is a team's: a storm answered in one is still unanswered in another.
    const key = `${channel}:${subject.key}`;
    const arrival = storm.arrive(key, () => {
      const message = renderSlack(reply, renderOptions);
      const thread = claimStorm(key).then(async (ours) => {
        if (!ours) return undefined;
        await answerInThread(channel, ts, message, client);
        return { channel, threadTs: ts };
      });
      return { thread, lang: reply.lang, tallies: Promise.resolve() };
    });
    const { answer } = arrival;
    if (arrival.first) {
      // The instance came from the alert's text: the log names the module only.
      try {
        const thread = await answer.thread;
        log.info(thread ? 'slack: alert answered' : 'slack: alert storm answered by another replica', { module: subject.module });
      } catch (error) {
        // Logged here, not left to Bolt's error handler: its apology in an alert's thread would be noise.
        log.error('slack: could not answer the alert', { module: subject.module, cause: error });
        // Nothing stands for the storm (the bot was not invited yet, Slack failed…): its next alert is answered instead.
        await releaseStorm(key);
      }
      return;
    }
    if (!isTallyPoint(arrival.count)) return;
    const tally = async () => {
      const thread = await answer.thread.catch(() => undefined);
      if (!thread) return;
      try {
        // The count now, not at arrival: tallies may queue behind a slow one, and then the last ones have nothing new to show.
        const count = storm.count(key);
        if (count === answer.shown) return;
        answer.tallyTs = await showTally(client, thread, answer.tallyTs, renderTally(count, arrival.since, answer.lang));
        answer.shown = count;
      } catch (error) {
        // The answer stands without its tally; an apology in an alert thread would be noise.
        log.warn('slack: could not show the alert tally', { module: subject.module, cause: error });
      }
    };
    answer.tallies = answer.tallies.then(tally);
    log.info('slack: alert storm tallied', { module: subject.module, count: arrival.count });
    await answer.tallies;
  });
}
