export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  readonly level: LogLevel;
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Configured secret values (signing secret, app password…) that must never appear in a line. */
  secrets?: string[];
  /** Where each JSON line goes; stderr by default so stdout stays free for the startup line. */
  write?: (line: string) => void;
  /** Warnings and errors with the same message kept per minute; the rest are counted in one line. Default: all kept. */
  repeatsPerMinute?: number;
  /** Injectable clock for tests. */
  now?: () => number;
}

const MINUTE_MS = 60_000;

interface RepeatLimiter {
  /** Whether to write this warning or error: false past the limit within its minute, when it is only counted. */
  keep(msg: string, level: LogLevel): boolean;
  /** The messages whose minute is over with lines dropped, each once, to be said in a line of their own. */
  overdue(): { msg: string; level: LogLevel; dropped: number }[];
}

/**
 * Counts warnings and errors per message over a minute; past `limit` a line is dropped and counted. Refused
 * requests from a scanner or a misconfigured app, a store that is down: one line each per request would fill the disk.
 */
function repeatLimiter(limit: number, now: () => number): RepeatLimiter {
  // Messages are a fixed set of sentences, so the map stays small; a minute that is over is removed.
  const seen = new Map<string, { since: number; count: number; dropped: number; level: LogLevel }>();
  return {
    keep(msg, level) {
      const entry = seen.get(msg);
      if (!entry) {
        seen.set(msg, { since: now(), count: 1, dropped: 0, level });
        return true;
      }
      entry.count += 1;
      if (entry.count <= limit) return true;
      entry.dropped += 1;
      return false;
    },
    overdue() {
      const at = now();
      const over: { msg: string; level: LogLevel; dropped: number }[] = [];
      for (const [msg, entry] of seen) {
        if (at - entry.since < MINUTE_MS) continue;
        seen.delete(msg);
        if (entry.dropped > 0) over.push({ msg, level: entry.level, dropped: entry.dropped });
      }
      return over;
    },
  };
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const REDACTED = '[redacted]';

/** Token shapes that are secret wherever they appear, configured or not. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /\bxox[a-z]-[A-Za-z0-9-]+/g,
  /\bxapp-[A-Za-z0-9-]+/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
];

/** Builds a function that replaces token-shaped text and the given secret values with a marker. */
export function createRedactor(secrets: readonly string[] = []): (text: string) => string {
  // Very short "secrets" would blank out ordinary words, so they are not treated as secrets.
  const values = secrets.filter((s) => s.length >= 6).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const value of values) out = out.split(value).join(REDACTED);
    for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, REDACTED);
    return out;
  };
}

function describeError(error: Error): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(code !== undefined && { code }),
    ...(error.cause !== undefined && { cause: error.cause }),
  };
}

function serialise(record: Record<string, unknown>, redact: (text: string) => string): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(record, (_key, value: unknown) => {
    if (typeof value === 'string') return redact(value);
    if (value instanceof Error) return describeError(value);
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return '[circular]';
      seen.add(value);
    }
    return value;
  });
}

/** A JSON-lines logger that drops lines below `level` and redacts secrets from every string it writes. */
export function createLogger(options: LoggerOptions): Logger {
  const redact = createRedactor(options.secrets);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const threshold = RANK[options.level];
  const limit = options.repeatsPerMinute === undefined ? undefined : repeatLimiter(options.repeatsPerMinute, options.now ?? Date.now);
  const line = (level: LogLevel, msg: string, fields?: Record<string, unknown>): void => {
    const fixed = { time: new Date().toISOString(), level, msg };
    // Fixed keys first for readability, and a field can never overwrite them.
    write(serialise(Object.assign({}, fixed, fields, fixed), redact));
  };
  const emit = (level: LogLevel, msg: string, fields?: Record<string, unknown>): void => {
    // Any line, written or not, is the moment to say what a minute that is over dropped: a busy server logs often.
    if (limit) for (const over of limit.overdue()) line(over.level, over.msg, { droppedLastMinute: over.dropped });
    if (RANK[level] < threshold) return;
    if (limit && RANK[level] >= RANK.warn && !limit.keep(msg, level)) return;
    line(level, msg, fields);
  };
  return {
    level: options.level,
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  };
}
