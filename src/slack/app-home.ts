import type { App } from '@slack/bolt';
import { LANGS, type Lang, type ModuleEntry } from '../core/types.js';
import { escapeSlack } from '../render/escape.js';
import { labelsFor } from '../render/labels.js';
import { context, divider, header, packLines, section, type Block } from './block-kit.js';
import { moduleSummary } from './blocks.js';

/** Slack's limit on a Home tab view. */
const HOME_MAX_BLOCKS = 100;

export interface AppHomeSettings {
  modules: readonly ModuleEntry[];
  /** CAMPAIGN_INSTANCE */
  instance?: string | undefined;
  /** CAMPAIGN_INSTANCES */
  instances?: readonly string[] | undefined;
  /** SLACK_ALERT_CHANNELS */
  alertChannels: readonly string[];
}

export interface HomeView {
  type: 'home';
  blocks: Block[];
}

function homeSection(settings: AppHomeSettings, lang: Lang): Block[] {
  const labels = labelsFor(lang);
  const instances = [settings.instance ? labels.homeInstanceDefault(escapeSlack(settings.instance)) : labels.homeInstanceNone];
  if (settings.instances && settings.instances.length > 0) instances.push(labels.homeInstancesKnown(settings.instances.map((name) => `\`${escapeSlack(name)}\``).join(', ')));
  const alerts = settings.alertChannels.length > 0 ? [context([labels.homeAlerts(settings.alertChannels.map((id) => `<#${id}>`).join(', '))])] : [];
  return [
    header(labels.helpTitle),
    section(escapeSlack(labels.help)),
    section(`*${labels.homeWaysTitle}*\n${labels.homeWays.map((way) => `• ${escapeSlack(way)}`).join('\n')}`),
    section(`*${labels.homeInstancesTitle}*\n${instances.join('\n')}`),
    ...alerts,
    header(labels.listTitle),
    ...packLines(settings.modules.map((m) => moduleSummary(m, lang))).map((text) => section(text)),
  ];
}

/** The Home tab: what the bot knows, how to ask it and which instances it uses, in each language the bot reads (English first). */
export function renderAppHome(settings: AppHomeSettings): HomeView {
  const [first, ...rest] = LANGS.map((lang) => homeSection(settings, lang));
  const blocks = [...(first ?? []), ...rest.flatMap((more) => [divider(), ...more])];
  return { type: 'home', blocks: blocks.slice(0, HOME_MAX_BLOCKS) };
}

/** Publishes the Home tab whenever someone opens it (`app_home_opened`, tab `home`). The view is the same for everyone. */
export function registerAppHome(app: App, settings: AppHomeSettings): void {
  const view = renderAppHome(settings);
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view });
  });
}
