import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../src/slack/request-url.js';
import { SLASH_COMMAND } from '../src/slack/request-url.js';
import { ASK_SHORTCUT_CALLBACK_ID } from '../src/slack/message-shortcut.js';

interface SlackManifest {
  display_information: { name: string; description: string; long_description: string };
  features: {
    bot_user: { display_name: string };
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    shortcuts: Array<{ name: string; type: string; callback_id: string; description: string }>;
    slash_commands: Array<{ command: string; url: string; usage_hint: string; description: string; should_escape: boolean }>;
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[]; user_events?: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as SlackManifest;

describe('manifest.json (Slack app manifest)', () => {
  it('asks for the least privilege the bot needs, and nothing for users', () => {
    // channels:history and groups:history: a bare mention reads its thread, and alert channels are read (docs/slack.md says why).
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history']);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('subscribes to mentions, direct messages, channel messages (for alert channels) and the Home tab', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.channels', 'message.groups', 'message.im']);
    expect(manifest.settings.event_subscriptions.user_events).toBeUndefined();
  });

  it('declares the slash command the adapter listens for, with a usage hint', () => {
    const [command, ...others] = manifest.features.slash_commands;
    expect(others).toEqual([]);
    expect(command?.command).toBe(SLASH_COMMAND);
    expect(command?.usage_hint).toMatch(/list/);
    expect(command?.description.length).toBeLessThanOrEqual(100);
  });

  it('declares the message shortcut the adapter listens for, within Slack’s field limits', () => {
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: ASK_SHORTCUT_CALLBACK_ID, name: 'Ask campaign-module' })]);
    for (const shortcut of manifest.features.shortcuts) {
      expect(shortcut.name.length).toBeLessThanOrEqual(24);
      expect(shortcut.description.length).toBeLessThanOrEqual(80);
    }
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('points events, the command and interactivity at the one Request URL placeholder', () => {
    const urls = [manifest.features.slash_commands[0]?.url, manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url];
    expect(new Set(urls).size).toBe(1);
    expect(urls[0]).toMatch(new RegExp(`^https://YOUR-PUBLIC-HOST${SLACK_EVENTS_PATH}$`));
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('lets people message the bot directly and respects Slack’s field limits', () => {
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
  });
});
