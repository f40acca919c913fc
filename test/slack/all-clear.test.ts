import { describe, expect, it } from 'vitest';
import { isAllClear } from '../../src/slack/all-clear.js';

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
    'nlserver mta@prod back to normal',
    'Problem has been resolved',
    'wfserver@prod is up again',
    '[prod] mta 프로세스 복구되었습니다',
    'mta@prod 정상 복구',
    'wfserver@prod のプロセスが復旧しました。',
    'mta@prod wieder erreichbar',
    'Le service mta@prod est rétabli',
    '[OK] mta@prod running',
    '(OK) wfserver@prod',
    'Cleared: mta@prod queue drained',
    'Closed - INC1234 mta@prod',
    '[RESOLVED] mta@prod not running',
    '[해결] mta@mkt 발송 중단',
    '해결: wfserver@prod',
    '해결됨 - stat@prod',
    '해결 완료: mta@prod',
    'mta@mkt 발송 중단 해결됨',
    // Monitors' own wording: Zabbix, Nagios.
    'Problem has been resolved at 09:12:00 on 2026.12.07\nProblem name: wfserver@mkt not running',
    'SERVICE OK - mta@qa: nlserver mta process running (pid 7623)',
    'HOST UP - campaign-app01',
    'stat@prod is UP',
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
    'host smtp.example.com could not be resolved',
    'mta@prod 자동 복구 실패',
    'wfserver@prod 復旧できません',
    'mta@prod is up 40% in queue size',
    'CRITICAL mta@prod down, was back to normal at 09:00\nsince 09:14',
    'nothing sends since the patch, though the server itself is back up again',
    'OK, so syslogd@prod is dead again: no log written since 09:00',
    'Closed connection to stat server: mta@mkt cannot get sending tokens',
    'OK: mta@prod not running',
    '[OK] → [CRITICAL] wfserver@prod down',
    'Cleared the queue, mta@prod still stuck',
    '해결 방법 문의: mta@mkt 발송 안 됨',
    'mta@mkt 발송 중단 미해결',
    'mta@prod 未復旧',
    'wfserver@prod 未解消',
    'mta@prod non rétabli',
    'OK - mta@prod stopped',
    '[OK] wfserver@prod process missing',
    'Cleared: inMail@prod unreachable',
    'OK - wfserver@prod: 0 of 1 processes running',
  ])('hears a problem in %j', (text) => {
    expect(isAllClear(text)).toBe(false);
  });
});
