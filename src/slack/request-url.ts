// Known before Bolt loads (the start-up line names them), so they live apart from app.ts.
import type { SlackConfig } from '../config.js';

/** The one Request URL for events, slash commands and interactivity. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** The slash command the app's manifest registers. */
export const SLASH_COMMAND = '/campaign-module';

/** Socket Mode when an app-level token is given, HTTP (the Request URL) otherwise. */
export function slackModeOf(config: SlackConfig): 'http' | 'socket' {
  return config.appToken ? 'socket' : 'http';
}
