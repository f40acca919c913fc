import { describe, expect, it } from 'vitest';
import { isAllClear } from '../../src/slack/alert-channels.js';

describe('isAllClear', () => {
  it.each([
    'RECOVERY: nlserver mta@prod is OK',
    '** RECOVERY Service Alert: prod/nlserver-mta is OK **',
    '[RESOLVED] CRITICAL wfserver@prod not running',
    '✅ Resolved: stat@prod process missing',
    'OK - mta@prod running (pid 2231)',
    'Resolved: Problem: nlserver wfserver@prod down\nSeverity: High',
    '[복구] mta@prod 프로세스 정상',
    '【復旧】wfserver@prod',
    'Behoben: wfserver@prod läuft wieder',
    'Résolu : mta@prod',
  ])('hears an all-clear in %j', (text) => {
    expect(isAllClear(text)).toBe(true);
  });

  it.each([
    'PROBLEM: CRITICAL nlserver wfserver@prod not running',
    '[FIRING:1] NlserverProcessDown module=inMail instance=prod',
    'CRITICAL okta sync failed',
    'Closedown of mta@prod failed',
    'okay so mta@prod is down',
    'CRITICAL mta@prod not running\nRECOVERY expected after restart',
  ])('hears a problem in %j', (text) => {
    expect(isAllClear(text)).toBe(false);
  });
});
