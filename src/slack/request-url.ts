// Known before Bolt loads (the start-up line names it), so it lives apart from app.ts.
/** The one Request URL for events, slash commands and interactivity. */
export const SLACK_EVENTS_PATH = '/slack/events';
