/** Longest error message copied into a log line; SDK errors can embed whole HTTP bodies. */
const MAX_MESSAGE = 500;

/**
 * The loggable facts about an error: name, message, code and HTTP status. Never the error object
 * itself, whose request details may carry an Authorization header.
 */
export function teamsErrorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error).slice(0, MAX_MESSAGE) };
  const extra = error as Error & { code?: unknown; statusCode?: unknown };
  const remote = typeof extra.statusCode === 'number';
  return {
    error: error.name,
    message: (remote ? withoutQuote(error.message) : error.message).replace(/Bearer\s+\S+/gi, 'Bearer [redacted]').slice(0, MAX_MESSAGE),
    ...(typeof extra.code === 'string' || typeof extra.code === 'number' ? { code: extra.code } : {}),
    ...(typeof extra.statusCode === 'number' ? { status: extra.statusCode } : {}),
  };
}

/**
 * What the connector said, up to its first ": " or JSON: its error message can quote the activity
 * it was sent ("Bad activity: {…text…}"), and so the question. The status and code stay.
 */
function withoutQuote(message: string): string {
  const cut = message.search(/: |[{["]/);
  return cut === -1 ? message : `${message.slice(0, cut)} [detail omitted]`.trim();
}
