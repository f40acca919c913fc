import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { MAX_INPUT_BYTES } from '../../src/core/reply.js';
import { createTriage } from '../../src/core/triage.js';

const triage = createTriage(loadKnowledge(join(import.meta.dirname, '../../knowledge')));

describe('reply routing', () => {
  it.each([
    ['', 'help', 'en'],
    ['help', 'help', 'en'],
    ['도움말', 'help', 'ko'],
    ['list', 'list', 'en'],
    ['목록', 'list', 'ko'],
    ['🔥🔥', 'invalid', 'en'],
    ['mta', 'module', 'en'],
    ['sylogd', 'module', 'en'],
    ['wf server', 'module', 'en'],
    ['trakinglogd', 'module', 'en'],
    ['와치독', 'module', 'ko'],
    ['ヘルプ', 'help', 'ja'],
    ['一覧', 'list', 'ja'],
    ['ワークフローサーバー', 'module', 'ja'],
    ['Hilfe', 'help', 'de'],
    ['aide', 'help', 'fr'],
    ['Modulliste', 'list', 'de'],
    ['liste des modules', 'list', 'fr'],
    ['Statistikserver', 'module', 'en'],
    ['emails stopped going out', 'diagnosis', 'en'],
    ['E-Mails werden nicht mehr versendet', 'diagnosis', 'de'],
    ['les diffusions restent en attente', 'diagnosis', 'fr'],
    ['el mta no funciona desde ayer', 'invalid', 'en'],
    // As people type them, and the bot's own name typed as text.
    ['help?', 'help', 'en'],
    ['/help', 'help', 'en'],
    ['?', 'help', 'en'],
    ['list modules', 'list', 'en'],
    ['목록 보여줘', 'list', 'ko'],
    ['@campaign-module', 'help', 'en'],
    ['Campaign Module', 'help', 'en'],
  ])('%j → %s in %s', (text, kind, lang) => {
    const reply = triage.reply(text);
    expect(reply.kind).toBe(kind);
    expect(reply.lang).toBe(lang);
  });

  it.each([
    ['mta', 'mta'],
    ['sylogd', 'syslogd'],
    ['trackinglogs', 'trackinglogd'],
    ['wf server', 'wfserver'],
    ['trakinglogd', 'trackinglogd'],
    ['InMail', 'inMail'],
    ['mta@prod', 'mta'],
    ['와치독 모듈', 'watchdog'],
    ['what does the web module do?', 'web'],
    ["what's inMail for", 'inMail'],
    ['explain trackinglogd', 'trackinglogd'],
    ['wfserver 모듈은 무슨 역할이에요?', 'wfserver'],
    ['stat 이 뭐예요?', 'stat'],
    ['trackinglogdとは何ですか', 'trackinglogd'],
    ['Was macht der wfserver?', 'wfserver'],
    ['à quoi sert le module stat ?', 'stat'],
    ['what is the watchdog module responsible for?', 'watchdog'],
    ['trackinglogd는 무슨 일을 하나요?', 'trackinglogd'],
    ['inMail 모듈은 뭐 하는 모듈이에요?', 'inMail'],
    ['mtaって何をするモジュールですか？', 'mta'],
  ])('names the module card for %j', (text, id) => {
    const reply = triage.reply(text);
    expect(reply.kind === 'module' && reply.module.id).toBe(id);
  });

  it.each(['what is wfserver doing since noon', 'what does the mta do when the relay refuses a message?', 'mta는 뭐가 문제예요'])(
    'leaves %j to the matcher: it asks more than what the module is',
    (text) => {
      expect(triage.reply(text).kind).not.toBe('module');
    },
  );

  it('refuses text over the input limit with a reason, not a crash', () => {
    const reply = triage.reply('a'.repeat(MAX_INPUT_BYTES + 1));
    expect(reply).toEqual({ kind: 'invalid', lang: 'en', reason: 'too-long' });
    // Korean takes three bytes a syllable: the limit is on bytes, not characters.
    expect(triage.reply('메'.repeat(MAX_INPUT_BYTES / 3 + 1)).kind).toBe('invalid');
    expect(triage.reply('x'.repeat(MAX_INPUT_BYTES)).kind).not.toBe('invalid');
  });

  it('honours a forced language', () => {
    expect(triage.reply('emails stopped going out', { lang: 'ko' }).lang).toBe('ko');
  });
});

describe('the bot named in the text', () => {
  it('is not read as a symptom: "@campaign-module mta down" is about mta, as "mta down" is', () => {
    for (const text of ['@campaign-module mta down', 'campaign-module: mails stuck in pending', 'Campaign Module emails stopped going out']) {
      const reply = triage.reply(text);
      expect(reply.kind === 'diagnosis' && reply.diagnosis.module).toBe('mta');
    }
  });
});

describe('evidence', () => {
  it('names a word once, whatever its case', () => {
    const { evidence } = triage.diagnose('inMail@prod is down, InMail@prod bounces not processed, INMAIL@PROD still down');
    expect(new Set(evidence.map((e) => e.toLowerCase())).size).toBe(evidence.length);
    expect(evidence.filter((e) => e.toLowerCase() === 'inmail@prod')).toHaveLength(1);
  });
});

describe('diagnose', () => {
  it.each([
    ['bounce mails are no longer forwarded', 'inMail'],
    ['워크플로가 시작되지 않아요', 'wfserver'],
    ['console login fails with an xtk:session error', 'web'],
    ['nlserver pdump says No tasks', 'watchdog'],
    ['some entries are missing from the log files, is port 6666 in use?', 'syslogd'],
  ])('%j → %s', (text, module) => {
    expect(triage.diagnose(text).module).toBe(module);
  });

  it('reads "unaffected" as where the trouble is not, no evidence for any answer', () => {
    // One how-to example asks "Campaign unaffected?": the word alone used to turn this report into a how-to answer.
    expect(triage.diagnose('workflows on mkt stopped, prod unaffected').module).toBe('wfserver');
  });

  it('reads a configured instance name as an instance, not as a word of its own ("staging" is chatter elsewhere)', () => {
    const site = { instances: { known: ['prod', 'staging'] } };
    for (const text of ['mails stuck on staging', 'staging: mails stuck since 9']) {
      const diagnosis = triage.diagnose(text, site);
      expect(diagnosis.module, text).toBe('mta');
      expect(diagnosis.evidence.join(' '), text).not.toContain('prod');
    }
  });

  it('looks past a module called fine even where a shared symptom names it ("mails not sent" is mta and stat)', () => {
    expect(triage.diagnose('mta@prod is fine, the bounces just stopped coming back').module).toBe('inMail');
    expect(triage.diagnose('mta is up but mails are not sent').module).toBe('stat');
  });

  it('keeps the language the text is written in when the answer is asked in another (--lang)', () => {
    const reply = triage.reply('워크플로가 시작되지 않아요', { lang: 'en' });
    expect(reply.lang).toBe('en');
    expect(reply.kind === 'diagnosis' && reply.diagnosis.lang).toBe('ko');
  });

  it('names mta and stat together for mail that is no longer sent', () => {
    const diagnosis = triage.diagnose('mails are no longer being sent');
    expect([diagnosis.module, ...diagnosis.also].sort()).toEqual(expect.arrayContaining(['mta', 'stat']));
  });

  it('answers an alert that one process is down with that module, not the watchdog or off-topic', () => {
    for (const [text, module] of [
      ['Problem: inMail is not running', 'inMail'],
      ['CampaignProcessDown (module="wfserver") firing on camp-prod-app01', 'wfserver'],
      ['[장애] inMail 프로세스 다운 (acc)', 'inMail'],
    ] as const) {
      expect(triage.diagnose(text).module, text).toBe(module);
    }
    expect(triage.diagnose('the watchdog did not restart mta after it crashed').module).toBe('watchdog');
  });

  it('puts the one module named beside a watchdog answer among the modules to check too', () => {
    for (const text of ['Der MTA ist abgestürzt', 'rt1 서버 mta 다운']) {
      const diagnosis = triage.diagnose(text);
      if (diagnosis.module === 'watchdog') expect(diagnosis.also, text).toContain('mta');
      else expect(diagnosis.module, text).toBe('mta');
    }
    expect(triage.diagnose('the watchdog is not restarting anything').also).toEqual([]);
  });

  it('abstains on chatter that is not about Campaign', () => {
    for (const text of ["what's for lunch today?", '오늘 회식 장소 어디예요?']) {
      const diagnosis = triage.diagnose(text);
      expect(diagnosis.module, text).toBeNull();
      expect(diagnosis.evidence).toEqual([]);
    }
  });

  it('answers pasted monitor -missing output with the listed modules, lines as evidence', () => {
    const diagnosis = triage.diagnose('nlserver monitor -missing\ninMail@prod\nwfserver@prod');
    expect([diagnosis.module, ...diagnosis.also].sort()).toEqual(['inMail', 'wfserver']);
    expect(diagnosis.evidence).toEqual(expect.arrayContaining(['inMail@prod', 'wfserver@prod']));
  });

  it('does not blame the healthy processes a pasted pdump lists', () => {
    const diagnosis = triage.diagnose('syslogd@default (4312) - 9.6 Mb\nweb@default (4401) - 210 Mb\nwfserver is missing from this list');
    expect(diagnosis.module).toBe('wfserver');
    expect(diagnosis.evidence.join(' ')).not.toContain('syslogd@default');
  });

  it('answers with the module a pasted pdump is said to lack, not the ones it lists', () => {
    expect(triage.diagnose('pdump on app01 lists mta@prod, stat@prod, wfserver@prod but no inMail@prod').module).toBe('inMail');
  });

  it('reads a pasted pdump that lacks a process as Campaign output, however the writer introduces it', () => {
    const listing = [
      '12:01:22 >   Application server for Adobe Campaign Classic (7.3.5 build 9368) of 12/01/2023',
      'syslogd@default (7611) - 9.2 MB',
      'stat@prod (7650) - 8.8 MB',
      'mta@prod (7660) - 31.0 MB',
      'web@default (7700) - 402.0 MB',
      'inMail@prod (7670) - 12.1 MB',
      'trackinglogd@default (7620) - 6.0 MB',
      'watchdog (7600) - 4.1 MB',
    ].join('\n');
    expect(triage.diagnose(`nlserver pdump 결과 공유드립니다\n${listing}`).module).toBe('wfserver');
    expect(triage.diagnose(`here is our nlserver pdump\n${listing}`).module).toBe('wfserver');
  });

  it('answers with the module a pasted ps listing lacks, not with the processes it shows', () => {
    const ps = ['acc: test sends are not going out, ps below', '$ ps -ef | grep [n]lserver']
      .concat(
        ['watchdog -svc', 'syslogd', 'web -tomcat', 'trackinglogd', 'stat -instance:acc', 'wfserver -instance:acc', 'inMail -instance:acc'].map(
          (args, i) => `neolane   ${2000 + i}  1988  0 06:00 ?  00:00:10 /usr/local/neolane/nl6/bin/nlserver ${args} -noconsole`,
        ),
      )
      .join('\n');
    expect(triage.diagnose(ps).module).toBe('mta');
  });

  it('never takes pages of pasted log for a question for the docs, however many routine warnings they hold', () => {
    const names = ['kim', 'lee', 'park', 'choi', 'jung', 'kang', 'cho', 'yoon', 'jang', 'lim'];
    const routine = [
      (n: string, i: number) => `Password of operator '${n}' expires in ${(i % 9) + 1} day(s)`,
      (n: string) => `Schema 'cus:recipient' redefines attribute '@seg${n}' (ignored)`,
      () => "Query on 'nms:recipient' returned more than 10000 rows, result truncated for display",
    ];
    const log = Array.from(
      { length: 200 },
      (_, i) => `2026-12-06 03:${String(i % 60).padStart(2, '0')}:11.${i}Z 0000${i} 1 warning log ${routine[i % 3]?.(names[i % 10] ?? '', i)}`,
    );
    const text = ['nothing has moved on prod since the change, log below:', ...log].join('\n');
    const diagnosis = triage.diagnose(text);
    expect(diagnosis.reason).not.toBe('howto');
    expect(diagnosis.module).not.toBeNull();
  });

  it('moves away from a module the writer says is fine', () => {
    const named = triage.diagnose('nothing leaves the server, mta is up and running fine');
    expect(named.candidates.find((c) => c.module === 'mta')?.score).toBeLessThan(0.5);
    expect(triage.diagnose('mails wait in the queue since 9, the mta is up and running fine').module).not.toBe('mta');
  });

  it('does not take "up but didn\'t send" for a module the writer calls fine', () => {
    expect(triage.diagnose("mta is up but didn't send anything overnight").module).toBe('mta');
  });

  it('keeps a module problem a module problem when the writer calls the module fine', () => {
    expect(triage.diagnose('the import ran without errors but no recipients were updated').module).toBe('import');
    expect(triage.diagnose('가져오기 작업은 성공으로 끝났는데 고객 정보가 하나도 안 바뀌었어요').module).toBe('import');
  });

  it('gives a confidence and ranked candidates in [0, 1], evidence from the words used', () => {
    const diagnosis = triage.diagnose('bounce mails are no longer forwarded');
    expect(diagnosis.confidence).toBeGreaterThan(0.5);
    expect(diagnosis.confidence).toBeLessThanOrEqual(1);
    expect(diagnosis.candidates[0]?.module).toBe('inMail');
    const scores = diagnosis.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(diagnosis.evidence.join(' ')).toMatch(/bounce/i);
  });

  it('reads Slack and Teams markup, and mixed languages', () => {
    expect(triage.diagnose('<@U0123> <at>Campaign Bot</at> 워크플로우가 Start in progress 에서 멈췄어요').module).toBe('wfserver');
  });
});
