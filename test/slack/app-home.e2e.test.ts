import { describe, expect, it } from 'vitest';
import { LABELS } from '../../src/render/labels.js';
import { SLACK_LIMITS } from '../../src/render/limits.js';
import { botForFile, settle } from './bot-harness.js';
import { ALERT_CHANNEL, appHomeOpened } from './incident-requests.js';
import { eventCallback, postSigned, USER } from './requests.js';

interface View {
  type: string;
  blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ text: string }> }>;
}

const running = botForFile({ CAMPAIGN_INSTANCE: 'prod', CAMPAIGN_INSTANCES: 'prod,mkt', SLACK_ALERT_CHANNELS: ALERT_CHANNEL });

const textOf = (view: View) => view.blocks.map((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => e.text)].join('\n')).join('\n');

describe('the Home tab (app_home_opened → views.publish), through the real Bolt app with signatures on', () => {
  it('publishes what the bot knows, how to ask it and the configured instances, in all five languages', async () => {
    const res = await postSigned(running().eventsUrl, eventCallback(appHomeOpened()));
    expect(res.status).toBe(200);
    const [publish] = await running().api.waitFor('views.publish', 1);
    expect(publish?.body.user_id).toBe(USER);
    const view = publish?.body.view as View;
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = textOf(view);
    for (const id of ['export', 'import', 'inMail', 'mta', 'stat', 'syslogd', 'tracking', 'trackinglogd', 'watchdog', 'web', 'wfserver']) expect(text).toContain(`*${id}*`);
    for (const lang of ['en', 'ko', 'ja', 'de', 'fr'] as const) {
      expect(text).toContain(LABELS[lang].homeWaysTitle);
      expect(text).toContain(LABELS[lang].homeInstanceDefault('prod'));
      expect(text).toContain(LABELS[lang].listTitle);
    }
    expect(text).toContain('/campaign-module');
    expect(text).toContain('Ask campaign-module');
    expect(text).toContain('`mkt`');
    expect(text).toContain(`<#${ALERT_CHANNEL}>`);
    // The usage placeholder is shown, not taken by Slack for a link or a mention.
    expect(text).toContain('`/campaign-module &lt;symptom&gt;`');
    expect(text.replace(`<#${ALERT_CHANNEL}>`, '')).not.toMatch(/<(?!#)[^>]*>/);
    for (const block of view.blocks) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    await postSigned(running().eventsUrl, eventCallback({ ...appHomeOpened(), tab: 'messages' }));
    await settle(300);
    expect(running().api.callsTo('views.publish')).toEqual([]);
  });

  it('posts no apology in the DM when the Home tab cannot be published: the user asked nothing', async () => {
    running().api.fail('views.publish', { status: 500 });
    await postSigned(running().eventsUrl, eventCallback(appHomeOpened()));
    await running().api.waitFor('views.publish', 1);
    await settle(300);
    expect(running().api.callsTo('chat.postMessage')).toEqual([]);
  });
});
