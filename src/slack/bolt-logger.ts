import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logger.js';

const OMITTED = '[payload omitted]';

/**
 * Bolt, the Web API client and the Socket Mode client print whole payloads at debug level
 * ("http request body: {…}", "ack() call begins (body: {…})", "Received a message on the
 * WebSocket: {…}"), and every payload carries what was asked or the card that quotes it. Logs
 * never hold what was asked, so a library line keeps only its words up to the first JSON or
 * quoted text, and objects handed to the logger are not printed at all.
 */
export function withoutPayload(parts: readonly unknown[]): string {
  const text = parts
    .map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : typeof p === 'string' ? p : typeof p === 'number' || typeof p === 'boolean' ? String(p) : OMITTED))
    .join(' ');
  // JSON starts with { or [; a JSON.parse error quotes the start of what it could not parse.
  const payloadAt = text.search(/[{["]/);
  return payloadAt === -1 ? text : `${text.slice(0, payloadAt).trimEnd()} ${OMITTED}`;
}

const DETAIL_OMITTED = '[detail omitted]';
/** Slack's error codes are snake case (invalid_blocks, channel_not_found); a quoted word is not. */
const SLACK_ERROR_CODE = /^[a-z]+(?:_[a-z]+)+(?: \[payload omitted\])?$/;

/**
 * Warnings and errors come from Bolt and from the Web API client, which logs Slack's own words
 * about a failed call (`response_metadata.messages`); those may quote the blocks sent, and so the
 * question. Such a line keeps its words up to the first ": ", and what follows only when it is
 * Slack's error code ("Slack API error: invalid_blocks"). Our own line for a failed call names the call.
 */
export function withoutDetail(parts: readonly unknown[]): string {
  const text = withoutPayload(parts);
  const detailAt = text.indexOf(': ');
  if (detailAt === -1 || SLACK_ERROR_CODE.test(text.slice(detailAt + 2))) return text;
  const kept = text.slice(0, detailAt);
  // "Request verification failed (code: 401, …)": the parenthesis the cut left open is closed.
  const open = (kept.match(/\(/g)?.length ?? 0) - (kept.match(/\)/g)?.length ?? 0);
  return `${kept}: ${DETAIL_OMITTED}${')'.repeat(Math.max(0, open))}`;
}

/**
 * Bolt's logger interface over ours, so Bolt's own messages (signature failures, unhandled
 * errors) come out as the same redacted JSON lines as everything else.
 */
export function createBoltLogger(log: Logger): BoltLogger {
  let level: LogLevel = log.level === 'debug' ? LogLevel.DEBUG : log.level === 'info' ? LogLevel.INFO : log.level === 'warn' ? LogLevel.WARN : LogLevel.ERROR;
  return {
    debug: (...parts: unknown[]) => log.debug(withoutPayload(parts), { source: 'bolt' }),
    info: (...parts: unknown[]) => log.info(withoutPayload(parts), { source: 'bolt' }),
    warn: (...parts: unknown[]) => log.warn(withoutDetail(parts), { source: 'bolt' }),
    error: (...parts: unknown[]) => log.error(withoutDetail(parts), { source: 'bolt' }),
    // Bolt sets a level from its own options; ours was fixed at boot, so the value is only reported back.
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
