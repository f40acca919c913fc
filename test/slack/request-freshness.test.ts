import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_AGE_SECONDS, timestampProblem } from '../../src/slack/request-freshness.js';

const NOW_MS = 1_700_000_000_000;
const now = NOW_MS / 1000;

describe('timestampProblem', () => {
  it.each([
    [now, undefined],
    [now + MAX_REQUEST_AGE_SECONDS, undefined],
    [now - MAX_REQUEST_AGE_SECONDS, undefined],
    [now + MAX_REQUEST_AGE_SECONDS + 1, '301 s in the future'],
    [now + 86_400, '86400 s in the future'],
    [now + 365 * 86_400, '31536000 s in the future'],
    [now - MAX_REQUEST_AGE_SECONDS - 1, '301 s old'],
  ])('%s → %s', (timestamp, expected) => {
    expect(timestampProblem(String(timestamp), NOW_MS)).toBe(expected);
  });

  it.each([undefined, '', 'soon', '1.5', '-1'])('leaves a missing or malformed header (%j) to Bolt', (header) => {
    expect(timestampProblem(header, NOW_MS)).toBeUndefined();
  });
});
