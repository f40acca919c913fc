import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import type { Reply } from '../../src/core/reply.js';
import { createTriage } from '../../src/core/triage.js';

// The situations where a wrong card does harm at 3 a.m.: the instance, pasted listings, links, long logs.
const knowledge = loadKnowledge(join(import.meta.dirname, '../../knowledge'));
const triage = createTriage(knowledge, {}, { instances: { configured: 'prod' } });

const BANNER = '09:14:02 > Application server for Adobe Campaign Classic (7.3.5 build 9356) of 04/11/2024';
const RUNNING = {
  syslogd: 'syslogd@default (9822) - 8.0 MB',
  watchdog: 'watchdog (9800) - 4.9 MB',
  web: 'web@default (9901) - 180.2 MB',
  trackinglogd: 'trackinglogd@default (9830) - 6.4 MB',
  mta: 'mta@prod (4500) - 20.1 MB',
  wfserver: 'wfserver@prod (4519) - 12.1 MB',
  inMail: 'inMail@prod (4600) - 9.1 MB',
  stat: 'stat@prod (4610) - 7.7 MB',
};
const pdumpWithout = (...absent: string[]) =>
  [
    '$ nlserver pdump',
    BANNER,
    ...Object.entries(RUNNING)
      .filter(([m]) => !absent.includes(m))
      .map(([, line]) => line),
  ].join('\n');

function diagnosisOf(reply: Reply) {
  if (reply.kind !== 'diagnosis') throw new Error(`expected a diagnosis, got ${reply.kind}`);
  return reply;
}

describe('the instance comes from the message first', () => {
  it('answers "mta@mkt keeps crashing" for mkt although prod is configured', () => {
    const reply = diagnosisOf(triage.reply('mta@mkt keeps crashing every 10 minutes'));
    expect(reply.diagnosis.module).toBe('mta');
    expect(reply.instance).toMatchObject({ name: 'mkt', source: 'message' });
  });

  it('takes the instance of a pasted monitor -missing line', () => {
    const reply = diagnosisOf(triage.reply('nlserver monitor -missing\nwfserver@mkt'));
    expect(reply.diagnosis.module).toBe('wfserver');
    expect(reply.instance).toMatchObject({ name: 'mkt', source: 'message' });
  });

  it('takes the instance written with the broken module, not with the one called fine', () => {
    const reply = diagnosisOf(triage.reply('stat@prod is fine but mta@mkt is down'));
    expect(reply.diagnosis.module).toBe('mta');
    expect(reply.instance).toMatchObject({ name: 'mkt', source: 'message', others: ['prod'] });
  });

  it('falls back to the configured instance, and a call flag beats both', () => {
    expect(diagnosisOf(triage.reply('emails stuck in pending')).instance).toMatchObject({ name: 'prod', source: 'default' });
    expect(diagnosisOf(triage.reply('mta@mkt is down', { instances: { flag: 'qa' } })).instance).toMatchObject({ name: 'qa', source: 'flag', others: ['mkt'] });
  });
});

describe('a pasted pdump is a health listing', () => {
  it('names the module the listing lacks, not the watchdog, and shows no running line as evidence', () => {
    const { diagnosis } = diagnosisOf(triage.reply(pdumpWithout('mta')));
    expect(diagnosis.module).toBe('mta');
    expect(diagnosis.listing).toEqual({ missing: ['mta@prod'] });
    expect(diagnosis.evidence.join(' ')).not.toMatch(/\(\d+\)/);
  });

  it('with "emails not going out" in front, still reads the absent mta, never a running stat line', () => {
    const { diagnosis } = diagnosisOf(triage.reply(`emails not going out\n${pdumpWithout('mta')}`));
    expect(diagnosis.module).toBe('mta');
    expect(diagnosis.evidence.join(' ')).not.toContain('stat@prod');
  });

  it('says every expected module runs when nothing is missing, and names no module from the listing alone', () => {
    const { diagnosis } = diagnosisOf(triage.reply(pdumpWithout()));
    expect(diagnosis.listing).toEqual({ missing: [] });
    expect(diagnosis.module).toBeNull();
  });

  it('lets the rest of the message decide when every module runs', () => {
    const { diagnosis } = diagnosisOf(triage.reply(`workflows stuck in "Start in progress" since this morning\n${pdumpWithout()}`));
    expect(diagnosis.module).toBe('wfserver');
  });

  it('reads "No tasks" as the watchdog', () => {
    expect(diagnosisOf(triage.reply('$ nlserver pdump\nNo tasks')).diagnosis.module).toBe('watchdog');
  });
});

describe('links, addresses and ticket ids do not sway the answer', () => {
  it.each([
    ['mta is down, see https://jira.example.com/browse/INC-123', 'mta'],
    ['emails stuck in pending https://tracking-dashboard.example.com/web/INC0012345', 'mta'],
    ['workflows paused again, screenshot: web-console.png, ticket OPS-4412', 'wfserver'],
  ])('%j → %s', (text, module) => {
    expect(diagnosisOf(triage.reply(text)).diagnosis.module).toBe(module);
  });

  it('keeps the confidence of a report when a ticket link is added', () => {
    const plain = triage.diagnose('emails stuck in pending').confidence;
    const linked = triage.diagnose('emails stuck in pending, see https://jira.example.com/browse/INC-123').confidence;
    expect(linked).toBeGreaterThan(plain - 0.05);
  });
});

describe('long pastes and terminal debris are read, not refused', () => {
  const tail = (lines: number) =>
    Array.from({ length: lines }, (_, i) => `2026-12-06 03:${String(i % 60).padStart(2, '0')}:11 mtachild@prod (${2000 + i}) message ${9000 + i} queued for delivery`);

  it('reads a 500-line mta.log tail with the writer note and one errno line', () => {
    const text = ['tail -n 500 var/prod/log/mta.log, nothing leaves since 3am', ...tail(250), '2026-12-06 03:12:01 ERROR errno=18, Invalid cross-device link', ...tail(250)].join(
      '\n',
    );
    expect(text.length).toBeGreaterThan(20_000);
    expect(diagnosisOf(triage.reply(text)).diagnosis.module).toBe('mta');
  });

  it('cleans bell, form feed, backspace, vertical tab, NUL and lone carriage returns', () => {
    const reply = diagnosisOf(triage.reply('workflows\u0007 stuck\u000c in start\u0008 in progress\u000b\u0000\rsince 9'));
    expect(reply.diagnosis.module).toBe('wfserver');
    expect(reply.query).not.toMatch(/[\u0000-\u0008\u000b\u000c\r]/);
  });
});
