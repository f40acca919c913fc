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

/**
 * Bolt's logger interface over ours, so Bolt's own messages (signature failures, unhandled
 * errors) come out as the same redacted JSON lines as everything else.
 */
export function createBoltLogger(log: Logger): BoltLogger {
  let level: LogLevel = log.level === 'debug' ? LogLevel.DEBUG : log.level === 'info' ? LogLevel.INFO : log.level === 'warn' ? LogLevel.WARN : LogLevel.ERROR;
  return {
    debug: (...parts: unknown[]) => log.debug(withoutPayload(parts), { source: 'bolt' }),
    info: (...parts: unknown[]) => log.info(withoutPayload(parts), { source: 'bolt' }),
    warn: (...parts: unknown[]) => log.warn(withoutPayload(parts), { source: 'bolt' }),
    error: (...parts: unknown[]) => log.error(withoutPayload(parts), { source: 'bolt' }),
    // Bolt sets a level from its own options; ours was fixed at boot, so the value is only reported back.
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
