import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJsonReply } from '../../src/cli/json.js';
import { renderTerminal } from '../../src/cli/terminal.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { createTriage } from '../../src/core/triage.js';
import { LABELS } from '../../src/render/labels.js';
import { renderSlack } from '../../src/slack/blocks.js';
import { renderTeams } from '../../src/teams/card.js';

const knowledge = loadKnowledge(join(import.meta.dirname, '../../knowledge'));
const triage = createTriage(knowledge);

describe('how-to and outside replies', () => {
  it('loads how-to questions and outside topics from knowledge/', () => {
    expect(knowledge.howTo.en.length).toBeGreaterThan(100);
    expect(knowledge.outside.map((t) => t.id)).toEqual(expect.arrayContaining(['database', 'network']));
  });

  it('answers a how-to question with a docs search in the asker language, on every surface', () => {
    const reply = triage.reply('how do I add a seed address to a delivery template?');
    expect(reply.kind).toBe('howto');
    if (reply.kind !== 'howto') return;
    expect(reply.diagnosis).toMatchObject({ module: null, reason: 'howto' });
    expect(reply.search).toMatch(/^https:\/\/experienceleague\.adobe\.com\/search\.html\?lang=en#q=.*seed.*&f:el_product=\[Campaign%20Classic\]$/);
    expect(JSON.stringify(renderSlack(reply, { knowledge }))).toContain(reply.search);
    expect(JSON.stringify(renderTeams(reply, { knowledge }).card)).toContain(reply.search);
    expect(renderTerminal(reply, { knowledge, color: false })).toContain(reply.search);
    expect(toJsonReply(reply, { knowledge })).toMatchObject({ kind: 'howto', search: reply.search });
  });

  it('says a database error is outside the modules and names the module that depends on it', () => {
    const reply = triage.reply('ORA-12541: TNS:no listener when anyone opens the console since 7');
    expect(reply.kind).toBe('outside');
    if (reply.kind !== 'outside') return;
    expect(reply.topic.id).toBe('database');
    const json = toJsonReply(reply, { knowledge });
    expect(json).toMatchObject({ kind: 'outside', topic: { id: 'database', dependent: { id: 'web' } } });
    expect(JSON.stringify(renderSlack(reply, { knowledge }))).toContain(reply.topic.title.en);
  });

  it('answers outside the modules when the writer says the database itself is down, whatever module shows it', () => {
    for (const text of ['the database server is down so nobody can log in to the console', '데이터베이스 서버가 다운돼서 콘솔 로그인이 안 돼요']) {
      expect(triage.reply(text)).toMatchObject({ kind: 'outside', topic: { id: 'database' }, dependent: { module: 'web' } });
    }
  });

  it('keeps a database error outside the modules when the message names the process that hit it', () => {
    // Where the error surfaced is no reason to restart that process: the database comes first.
    for (const text of ['mta@prod fails: PGS-220000 could not connect to server: Connection refused', 'wfserver@prod fails with ORA-12541']) {
      expect(triage.diagnose(text)).toMatchObject({ module: null, reason: 'outside', outside: 'database' });
    }
    expect(triage.diagnose('mta@prod is down since 9, nothing leaves')).toMatchObject({ module: 'mta' });
  });

  it('names the module the message shows the error in, on every surface, as a place to look once the cause is fixed', () => {
    const reply = triage.reply('wfserver@prod fails with ORA-12541: TNS:no listener');
    expect(reply).toMatchObject({ kind: 'outside', named: 'wfserver', topic: { id: 'database' } });
    if (reply.kind !== 'outside') return;
    const sentence = LABELS.en.outsideNamed('wfserver');
    expect(renderTerminal(reply, { knowledge, color: false, width: 400 })).toContain(sentence);
    expect(JSON.stringify(renderSlack(reply, { knowledge }))).toContain(sentence);
    expect(JSON.stringify(renderTeams(reply, { knowledge }).card)).toContain(sentence);
    expect(toJsonReply(reply, { knowledge })).toMatchObject({ kind: 'outside', named: { id: 'wfserver' } });
    // A message that names no module, or only the one that depends on the database anyway, gets no such line.
    expect(triage.reply('ORA-12541: TNS:no listener when anyone opens the console')).not.toHaveProperty('named');
  });

  it('names the module an outside fault shows in when the text points at one, with what that module does, on every surface', () => {
    const reply = triage.reply('the site-to-site VPN to the data centre is down and nobody in the office can open the console, from home it works');
    expect(reply).toMatchObject({ kind: 'outside', topic: { id: 'network' }, dependent: { module: 'web' } });
    if (reply.kind !== 'outside') return;
    // The network topic's own module is mta; a console nobody reaches is the web module's.
    expect(reply.topic.dependent).toBe('mta');
    const scope = knowledge.byId.get('web')?.scope.en ?? '';
    expect(reply.dependent?.why?.en).toBe(scope);
    expect(renderTerminal(reply, { knowledge, color: false, width: 400 })).toContain(LABELS.en.outsideDependent('web'));
    expect(JSON.stringify(renderSlack(reply, { knowledge }))).toContain(LABELS.en.outsideDependent('web'));
    expect(JSON.stringify(renderTeams(reply, { knowledge }).card)).toContain(LABELS.en.outsideDependent('web'));
    expect(toJsonReply(reply, { knowledge })).toMatchObject({ kind: 'outside', topic: { dependent: { id: 'web' }, dependentWhy: scope } });
  });

  it("keeps the topic's own module and its reason when the text points at no module", () => {
    const reply = triage.reply('a switch port between the app server and the database host kept flapping from 14:02 to 14:07');
    expect(reply).toMatchObject({ kind: 'outside', topic: { id: 'network' } });
    if (reply.kind !== 'outside') return;
    expect(reply.diagnosis.fits).toBeUndefined();
    expect(reply.dependent).toEqual({ module: 'mta', why: reply.topic.dependentWhy });
  });

  it("keeps the topic's own module for a text that points nowhere else, and reads a shared symptom's module as the pair's first", () => {
    // "database" alone leans towards import, whose examples load files into it: too little to move the card off web.
    expect(triage.reply('the database is down')).toMatchObject({ kind: 'outside', topic: { id: 'database' }, dependent: { module: 'web' } });
    // Mail not leaving is mta's and stat's shared symptom: the card names mta, where it is checked first.
    expect(triage.reply('방화벽에서 25번 포트가 막혀서 메일이 안 나가요')).toMatchObject({ kind: 'outside', topic: { id: 'network' }, dependent: { module: 'mta' } });
  });

  it("keeps the topic's own module beside a named one: the name says where the error shows", () => {
    const reply = triage.reply('errors in wfserver.log: ORA-12541: TNS:no listener');
    expect(reply).toMatchObject({ kind: 'outside', topic: { id: 'database' }, named: 'wfserver', dependent: { module: 'web' } });
  });

  it('does not repeat the named module as the module that depends on it', () => {
    const reply = triage.reply('the load balancer certificate for the click tracking domain expired overnight, every link in the newsletter shows a browser warning');
    expect(reply).toMatchObject({ kind: 'outside', topic: { id: 'network' }, named: 'tracking', diagnosis: { fits: 'tracking' } });
    expect(reply).not.toHaveProperty('dependent');
  });

  it('still names the module of a real failure', () => {
    expect(triage.reply('workflows stuck in Start in progress since the reboot').kind).toBe('diagnosis');
  });

  it('names the module to check when a how-to question may hide a failure', () => {
    const reply = triage.reply('how do I send a proof to myself? the last ones never showed up in my inbox');
    expect(reply.kind).toBe('howto');
    if (reply.kind !== 'howto') return;
    expect(reply.diagnosis.fits).toBe('mta');
    expect(renderTerminal(reply, { knowledge, color: false })).toContain('mta');
    // Every module rounds to 0 beside the how-to answer, yet the candidates keep their order.
    expect(reply.diagnosis.candidates[0]?.module).toBe('mta');
  });

  it('adds a docs search to a module answer when the text asks and names no trouble, on every surface', () => {
    const reply = triage.reply('who serves the console logins, web or wfserver?');
    expect(reply.kind).toBe('diagnosis');
    if (reply.kind !== 'diagnosis') return;
    expect(reply.diagnosis.module).toBe('web');
    expect(reply.search).toMatch(/^https:\/\/experienceleague\.adobe\.com\/search\.html\?lang=en#q=who%20serves%20the%20console%20logins/);
    const search = reply.search ?? '';
    expect(JSON.stringify(renderSlack(reply, { knowledge }))).toContain(search);
    expect(JSON.stringify(renderTeams(reply, { knowledge }).card)).toContain(search);
    expect(renderTerminal(reply, { knowledge, color: false })).toContain(search);
    expect(toJsonReply(reply, { knowledge })).toMatchObject({ kind: 'diagnosis', search });
  });

  it('adds no docs search to a failure report, asked or not', () => {
    for (const text of ['web@prod is down, nobody can log on to the console', 'why can nobody log on to the console since 9?', '콘솔 접속이 왜 이렇게 느리죠?']) {
      const reply = triage.reply(text);
      expect(reply.kind).toBe('diagnosis');
      if (reply.kind !== 'diagnosis') continue;
      expect(reply.search).toBeUndefined();
      expect(toJsonReply(reply, { knowledge })).toMatchObject({ search: null });
    }
  });
});
