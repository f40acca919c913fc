import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJsonReply } from '../../src/cli/json.js';
import { renderTerminal } from '../../src/cli/terminal.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { LIKELY_CONFIDENCE, type Reply } from '../../src/core/reply.js';
import { createTriage } from '../../src/core/triage.js';
import type { Diagnosis } from '../../src/core/types.js';
import { LABELS } from '../../src/render/labels.js';
import { renderSlack } from '../../src/slack/blocks.js';
import { renderTeams } from '../../src/teams/card.js';

// What every renderer must say so that people can run the card as it stands.
const knowledge = loadKnowledge(join(import.meta.dirname, '../../knowledge'));
const triage = createTriage(knowledge, {}, { instances: { configured: 'prod' } });

const renders = (reply: Reply, instance = 'prod') => ({
  slack: JSON.stringify(renderSlack(reply, { knowledge, instance })),
  teams: JSON.stringify(renderTeams(reply, { knowledge, instance }).card),
  terminal: renderTerminal(reply, { knowledge, instance, color: false }),
});

const diagnosis = (module: Diagnosis['module'], confidence: number, extra: Partial<Diagnosis> = {}): Reply => ({
  kind: 'diagnosis',
  lang: 'en',
  query: 'emails stuck',
  diagnosis: {
    module,
    confidence,
    also: [],
    candidates: [
      { module: 'mta', score: module ? confidence : 0.03 },
      { module: 'stat', score: 0.04 },
      { module: 'export', score: 0.001 },
    ],
    evidence: [],
    lang: 'en',
    ...extra,
  },
});

describe('cards people can run as they stand', () => {
  it('use the instance the message names in every command and log path, and say so', () => {
    const reply = triage.reply('mta@mkt keeps crashing every 10 minutes');
    for (const [platform, text] of Object.entries(renders(reply))) {
      expect(text, platform).toContain('nlserver restart mta@mkt');
      expect(text, platform).toContain('var/mkt/log/mta.log');
      expect(text, platform).not.toContain('mta@prod');
      expect(text, platform).toContain('Instance mkt, from your message.');
    }
  });

  it('say when the configured default is used', () => {
    for (const text of Object.values(renders(triage.reply('emails stuck in pending')))) expect(text).toContain('Instance prod, the configured default.');
  });

  it('show each disruptive command with its caution', () => {
    const reply = triage.reply('web');
    const caution = knowledge.byId.get('web')?.commands.find((c) => c.run === 'nlserver restart web')?.caution?.en ?? 'missing caution';
    for (const [platform, text] of Object.entries(renders(reply))) {
      expect(text, platform).toContain(LABELS.en.caution);
      expect(text, platform).toContain(JSON.stringify(caution).slice(1, 60));
    }
  });

  it(`call a module under ${LIKELY_CONFIDENCE * 100} % a best guess, and a confident one likely`, () => {
    for (const text of Object.values(renders(diagnosis('mta', 0.49)))) {
      expect(text).toContain(`${LABELS.en.bestGuess}: `);
      expect(text).not.toContain(`${LABELS.en.likelyModule}: `);
    }
    for (const text of Object.values(renders(diagnosis('mta', 0.97)))) expect(text).toContain(`${LABELS.en.likelyModule}: `);
  });

  it('show no confidence figure when no module matched, and no 0 % filler candidates', () => {
    for (const [platform, text] of Object.entries(renders(diagnosis(null, 0.95)))) {
      expect(text, platform).not.toContain('95%');
      expect(text, platform).not.toContain(LABELS.en.confidence);
    }
    for (const [platform, text] of Object.entries(renders(diagnosis('mta', 0.9)))) expect(text, platform).not.toMatch(/export[^"]{0,6}0%/);
  });

  it('report what a pasted listing lacks, or that everything runs', () => {
    for (const text of Object.values(renders(diagnosis('mta', 0.9, { listing: { missing: ['mta@prod'] } })))) expect(text).toContain('Missing from the pasted listing: mta@prod');
    for (const text of Object.values(renders(diagnosis(null, 0.95, { listing: { missing: [] } })))) expect(text).toContain(LABELS.en.listingAllRunning);
  });
});

describe('ask --format json', () => {
  it('gives the instance, where it came from, and each command caution', () => {
    const json = toJsonReply(triage.reply('mta@mkt keeps crashing'), { knowledge, instance: 'prod' });
    expect(json).toMatchObject({ kind: 'diagnosis', instance: 'mkt', instanceSource: 'message' });
    const commands = json.kind === 'diagnosis' ? (json.module?.commands ?? []) : [];
    expect(commands.find((c) => c.run === 'nlserver restart mta@mkt')?.caution).toMatch(/\S/);
    expect(commands.find((c) => c.run === 'nlserver pdump')).not.toHaveProperty('caution');
  });

  it('says none when nothing names an instance', () => {
    const bare = createTriage(knowledge);
    expect(toJsonReply(bare.reply('emails stuck in pending'), { knowledge })).toMatchObject({ instance: null, instanceSource: 'none' });
  });
});

describe('echoed questions', () => {
  it('keep Slack markdown inert in "You asked"', () => {
    const slack = renderSlack(triage.reply('*bold* _it_ ~strike~ emails stuck'), { knowledge });
    const echoed = JSON.stringify(slack.blocks).match(/You asked:\*\s*([^"]+)"/)?.[1] ?? '';
    expect(echoed).toBe('`*bold* _it_ ~strike~ emails stuck`');
  });

  it('are never cut in the middle of an emoji, wherever they are shortened', () => {
    // JSON.stringify writes a lone surrogate as an escape (\ud83d) and a whole emoji as itself.
    const halfEmoji = /\\ud[89a-f][0-9a-f]{2}/i;
    for (const at of [298, 299, 998, 999]) {
      const { slack, teams, terminal } = renders(triage.reply(`${'x'.repeat(at)}🔥🔥 mta down`));
      for (const json of [slack, teams, JSON.stringify(terminal)]) expect(json).not.toMatch(halfEmoji);
    }
  });

  it('show the slash command in Slack help', () => {
    expect(JSON.stringify(renderSlack({ kind: 'help', lang: 'en' }, { knowledge }))).toContain('/campaign-module emails stopped going out');
  });
});

/** Every object in a rendered card, however deep. */
function objectsIn(node: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(node)) return node.flatMap(objectsIn);
  if (typeof node !== 'object' || node === null) return [];
  return [node as Record<string, unknown>, ...Object.values(node).flatMap(objectsIn)];
}

describe('buttons that open another module', () => {
  // The next card's commands must stay on the instance the asker named, not the configured prod.
  it.each([
    ['a module card (also check)', 'stat@mkt'],
    ['a diagnosis (other candidates)', 'the tracking URL returns 404 on mkt'],
    ['a how-to question (the module that fits)', 'how do I add a seed address to a delivery on mkt?'],
    ['a database error (the module that depends on it, the module named)', 'wfserver@mkt fails with ORA-12541 TNS:no listener'],
  ])('carry the instance the message names, on %s', (_kind, text) => {
    const reply = triage.reply(text);
    const slackValues = objectsIn(renderSlack(reply, { knowledge, instance: 'prod' }))
      .filter((o) => String(o.action_id).startsWith('show_module_'))
      .map((o) => o.value);
    const teamsData = objectsIn(renderTeams(reply, { knowledge, instance: 'prod' }).card).filter((o) => o.action === 'show-module');
    expect(slackValues.length).toBeGreaterThan(0);
    expect(teamsData.length).toBe(slackValues.length);
    for (const value of slackValues) expect(value).toMatch(/\|en\|mkt$/);
    for (const data of teamsData) expect(data.instance).toBe('mkt');
  });
});
