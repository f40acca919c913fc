// Teams waits about 15 s for the HTTP answer to an activity, and this bot replies inside that
// request: every outbound call made while answering must give up well before, or Teams reports
// the bot as unresponsive while the call is still pending.

/** How long one call to the Bot Framework connector (a reply, an update) may take. */
export const CONNECTOR_TIMEOUT_MS = 10_000;

/**
 * How long fetching the identity provider's OpenID configuration and signing keys may take. They are
 * cached for a day, so this adds to the connector timeout only on the first request of the day.
 */
export const IDENTITY_TIMEOUT_MS = 5_000;

/**
 * How long Microsoft's sign-in may take to give the bot a token for its replies. The token is cached for about an
 * hour, so this adds to the connector timeout only on the first reply after it expires.
 */
export const SIGN_IN_TIMEOUT_MS = 5_000;

/** How long a message or event turn may take to answer Teams, which waits about 15 s: room is left for the network. */
export const ANSWER_BUDGET_MS = 13_000;

/**
 * How long an invoke (Ask campaign-module's submit) may take to answer. Teams gives it 5 s, then
 * sends it again, twice: whatever is still being posted then is left to finish on its own.
 */
export const INVOKE_BUDGET_MS = 3_500;

/** With less time left than this, the apology after a failed turn is not tried: it would answer Teams too late. */
export const APOLOGY_MIN_MS = 1_000;
