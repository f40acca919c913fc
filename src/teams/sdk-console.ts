import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logger.js';

/** Longest piece of SDK output kept; the SDK prints whole errors and keys after the first line. */
const MAX_TEXT = 300;

const scope = new AsyncLocalStorage<Logger>();
let installed = false;

function firstLine(text: string): string {
  return (text.split('\n', 1)[0] ?? '').slice(0, MAX_TEXT);
}

/** What one console argument of botbuilder's says, reduced to a loggable value: never a stack or an object graph. */
export function describeSdkOutput(value: unknown): unknown {
  if (value instanceof Error) {
    const { code, statusCode } = value as Error & { code?: unknown; statusCode?: unknown };
    return {
      error: value.name,
      message: firstLine(value.message),
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      ...(typeof statusCode === 'number' ? { status: statusCode } : {}),
    };
  }
  if (typeof value === 'string') return firstLine(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return `[${typeof value}]`;
}

// botbuilder reports through console.error/console.warn (a raw stack, a PEM key) with no hook to
// change that. Inside withSdkConsole those calls become log lines; elsewhere the console is untouched.
function install(): void {
  if (installed) return;
  installed = true;
  for (const level of ['error', 'warn'] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      const log = scope.getStore();
      if (!log) {
        original.apply(console, args);
        return;
      }
      // The SDK prints about failures the caller logs in its own words: context, hence warn.
      log.warn('teams: botbuilder reported', { sdkLevel: level, sdk: args.map(describeSdkOutput) });
    };
  }
}

/** Runs `work` with botbuilder's console.error and console.warn calls written to `log`, one JSON line each. */
export function withSdkConsole<T>(log: Logger, work: () => Promise<T>): Promise<T> {
  install();
  return scope.run(log, work);
}
