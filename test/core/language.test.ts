import { describe, expect, it } from 'vitest';
import { detectLanguage, hasOwnWords, writtenLanguage } from '../../src/core/language.js';

describe('detectLanguage', () => {
  it.each([
    ['emails stopped going out', 'en'],
    ['워크플로가 시작되지 않아요', 'ko'],
    ['mta가 안 떠요', 'ko'],
    ['pdump 결과 붙입니다\nsyslogd@default (1234) - 10 MB\nweb@default (1240) - 200 MB\nwfserver@prod (1301) - 50 MB', 'ko'],
    ['the 감 character alone is not Korean', 'en'],
    [
      'mails stuck since 9, this is the log from the Seoul server:\n2026-12-06 09:01:12 ERROR 메일 서버에 연결할 수 없습니다 (연결 시간 초과)\n2026-12-06 09:01:42 ERROR 메일 서버에 연결할 수 없습니다',
      'en',
    ],
    ['9시부터 발송이 멈췄어요, 로그입니다\n2026-12-06 09:01:12 ERROR connection to relay timed out', 'ko'],
    ['2026-12-06 09:01:12 ERROR 메일 서버에 연결할 수 없습니다 (연결 시간 초과)', 'ko'],
    ['', 'en'],
    ['🔥🔥🔥', 'en'],
  ])('%j → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('writtenLanguage', () => {
  it.each([
    ['mta 无法发送邮件', 'other'],
    ['工作流无法启动', 'other'],
    ['配信失敗', 'ja'],
    ['ワークフロー停止', 'ja'],
    ['mta が落ちた', 'ja'],
  ])('%j → %s: a short kanji-only text is Japanese unless it uses simplified Chinese forms', (text, lang) => {
    expect(writtenLanguage(text)).toBe(lang);
  });

  it.each([
    ['el servidor mta no arranca, correos pendientes', 'other'],
    ['il servizio mta non parte', 'other'],
    ['mails pending since 9, the servidor said no', 'en'],
  ])('%j → %s: a short Spanish or Italian report with a module name is not taken for English', (text, lang) => {
    expect(writtenLanguage(text)).toBe(lang);
  });

  it.each([
    ['emails stuck https://grafana.example.com/d/abc https://jira.example.com/browse/OPS-4412', 'en'],
    ['ops@example.com dev@example.com', 'en'],
    ['mails bloqués, voir https://jira.example.com/browse/OPS-1 et https://grafana.example.com/d/x', 'fr'],
    ['stat がいない？\nsyslogd@default (1822) - 9.6 Mb\nmta@prod (2011) - 51.2 Mb\nweb@default (2140) - 240.1 Mb\nwfserver@prod (2200) - 30 Mb\nwatchdog (1801) - 5.3 Mb', 'ja'],
  ])('%j → %s: links, mail addresses and the lines of a pasted pdump are no language ("example.com" is not Portuguese)', (text, lang) => {
    expect(writtenLanguage(text)).toBe(lang);
  });

  it.each([
    ['workflows stuck in Start in progress since the deploy, cc 田中さん', 'en'],
    ['mta down since 9, 김철수님 please check', 'en'],
    ['田中さん、配信が止まっています', 'ja'],
    ['김철수님 메일이 안 나가요', 'ko'],
  ])('%j → %s: a person named with an honorific is no language', (text, lang) => {
    expect(writtenLanguage(text)).toBe(lang);
  });

  it.each([
    ['웹 로그인 안돼요\nXSV-350008 Unable to connect to the server. Check the server address and the network configuration of the client computer.', 'ko'],
    ['ORA-12541: TNS:no listener on the database host since the reboot\n오늘 아침부터 콘솔 접속 안 돼요', 'ko'],
    ['이거 왜 이래요?\njava.lang.IllegalStateException: the session was closed before the response was written\n    at com.example.Session.write(Session.java:120)', 'ko'],
    ['what does this mean?\nXSV-350008 서버에 연결할 수 없습니다. 서버 주소를 확인하세요.', 'en'],
    ['배포 후 계속 나요\nTraceback (most recent call last):\n  File "sync.py", line 3, in <module>\nConnectionRefusedError: the connection was refused by the remote host', 'ko'],
    ['nlserver monitor -missing 결과\nmta@mkt\nstat@mkt', 'ko'],
  ])('%j → %s: an error a program printed, named by its code or exception, or a list of processes, is not the writer’s language', (text, lang) => {
    expect(writtenLanguage(text)).toBe(lang);
  });
});

describe('hasOwnWords', () => {
  it('is false for what programs printed alone: a command, a pdump, log lines', () => {
    expect(hasOwnWords('$ nlserver pdump\nsyslogd@default (1234) - 9.1 MB\nweb@default (2345) - 250 MB\nwatchdog (1000) - 5 MB')).toBe(false);
    expect(hasOwnWords('2026-12-06 09:01:12 ERROR connection to relay timed out')).toBe(false);
    expect(hasOwnWords('XSV-350008 Unable to connect to the server.\nORA-12541: TNS:no listener')).toBe(false);
  });

  it('is true once the writer adds a word of their own', () => {
    expect(hasOwnWords('pdump 결과입니다\nsyslogd@default (1234) - 9.1 MB')).toBe(true);
    expect(hasOwnWords('mta down')).toBe(true);
    expect(hasOwnWords('nlserver restart mta@prod 해도 되나요?')).toBe(true);
  });
});
