import type { RequestHandler } from 'express';
import type { Logger } from '../logger.js';

/** Slack's rule: a request whose signed timestamp differs from now by more than 5 minutes is refused. */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;

/**
 * Why a request's X-Slack-Request-Timestamp is outside the window, or undefined when it is inside.
 * Bolt refuses old timestamps but not future ones, and a request dated ahead would stay
 * replayable for as long as it is ahead. Missing or malformed headers are left to Bolt's check.
 */
export function timestampProblem(header: string | undefined, nowMs: number): string | undefined {
  if (header === undefined || !/^\d+$/.test(header)) return undefined;
  const skewSeconds = Number(header) - Math.floor(nowMs / 1000);
  if (skewSeconds > MAX_REQUEST_AGE_SECONDS) return `${skewSeconds} s in the future`;
  if (-skewSeconds > MAX_REQUEST_AGE_SECONDS) return `${-skewSeconds} s old`;
  return undefined;
}

/** Express middleware in front of Bolt's receiver: 401 for a request dated outside the window. */
export function refuseStaleOrFutureRequests(log: Logger, now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const problem = timestampProblem(req.get('x-slack-request-timestamp'), now());
    if (problem === undefined) {
      next();
      return;
    }
    log.warn('slack: refused a request', { reason: `x-slack-request-timestamp is ${problem}` });
    res.status(401).send();
  };
}
