import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../logger.js';

function toText(parts: unknown[]): string {
  return parts.map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : typeof p === 'string' ? p : safeJson(p))).join(' ');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Bolt's logger interface over ours, so Bolt's own messages (signature failures, unhandled
 * errors) come out as the same redacted JSON lines as everything else.
 */
export function createBoltLogger(log: Logger): BoltLogger {
  let level: LogLevel = log.level === 'debug' ? LogLevel.DEBUG : log.level === 'info' ? LogLevel.INFO : log.level === 'warn' ? LogLevel.WARN : LogLevel.ERROR;
  return {
    debug: (...parts: unknown[]) => log.debug(toText(parts), { source: 'bolt' }),
    info: (...parts: unknown[]) => log.info(toText(parts), { source: 'bolt' }),
    warn: (...parts: unknown[]) => log.warn(toText(parts), { source: 'bolt' }),
    error: (...parts: unknown[]) => log.error(toText(parts), { source: 'bolt' }),
    // Bolt sets a level from its own options; ours was fixed at boot, so the value is only reported back.
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
