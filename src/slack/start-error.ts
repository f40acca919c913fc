// Known before Bolt loads (start-up reports it as the operator's problem), so it lives apart from app.ts.
/** The bot token was refused, or Slack's Web API could not be reached at start-up. */
export class SlackStartError extends Error {
  readonly code = 'SLACK_START_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SlackStartError';
  }
}
