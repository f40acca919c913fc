import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import type { Reply } from '../../src/core/reply.js';
import { createTriage, type Triage } from '../../src/core/triage.js';
import { LANGS, MODULE_IDS, mapLangs, type Diagnosis, type Knowledge, type Lang, type ModuleEntry } from '../../src/core/types.js';
import { cardBytes, renderTeams, renderTeamsCorrection, renderTeamsWelcome } from '../../src/teams/card.js';
import { LABELS } from '../../src/render/labels.js';
import { TEAMS_LIMITS } from '../../src/render/limits.js';
import { parseCardAction } from '../../src/teams/card-action.js';

type Node = Record<string, unknown>;

let knowledge: Knowledge;
let triage: Triage;

beforeAll(() => {
  knowledge = loadKnowledge('knowledge');
  triage = createTriage(knowledge);
});

function entry(id: (typeof MODULE_IDS)[number]): ModuleEntry {
  const found = knowledge.byId.get(id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

/** Every object in the card, depth first. */
function nodes(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Node;
  return [node, ...Object.values(node).flatMap(nodes)];
}

const ofType = (card: object, type: string): Node[] => nodes(card).filter((n) => n.type === type);
const submits = (card: object) => ofType(card, 'Action.Submit').map((a) => parseCardAction(a.data));

function diagnosis(module: Diagnosis['module'], lang: Lang, extra: Partial<Diagnosis> = {}): Reply {
  return {
    kind: 'diagnosis',
    lang,
    query: 'emails stopped going out',
    diagnosis: {
      module,
      confidence: 0.82,
      also: [],
      candidates: module
        ? [
            { module, score: 0.82 },
            { module: 'stat', score: 0.1 },
            { module: 'wfserver', score: 0.05 },
          ]
        : [],
      evidence: ['emails'],
      lang,
      ...extra,
    },
  };
}

describe('renderTeams without buttons that come back to the bot (a message extension result)', () => {
  const buttonsBack = (card: object): Node[] => nodes(card).filter((n) => n.type === 'Action.Submit' || 'selectAction' in n);

  it('leaves off module, feedback and list-row buttons on every kind of card, and keeps the links', () => {
    const replies: Reply[] = [
      diagnosis('mta', 'en', { also: ['stat'] }),
      diagnosis(null, 'en', { candidates: [{ module: 'mta', score: 0.4 }] }),
      { kind: 'module', lang: 'en', module: entry('mta') },
      { kind: 'list', lang: 'en', modules: knowledge.modules },
      triage.reply('how do I give a new operator rights to only one folder of deliveries?'),
      triage.reply('DB 서버 디스크가 꽉 차서 오라클이 멈췄대요. 캠페인 전체가 에러예요'),
    ];
    expect(new Set(replies.map((r) => r.kind))).toEqual(new Set(['diagnosis', 'module', 'list', 'howto', 'outside']));
    for (const reply of replies) {
      expect(buttonsBack(renderTeams(reply, { knowledge }).card).length).toBeGreaterThan(0);
      const { card } = renderTeams(reply, { knowledge, submitButtons: false });
      expect(buttonsBack(card)).toEqual([]);
      const json = JSON.stringify(card);
      for (const label of [LABELS[reply.lang].otherCandidates, LABELS[reply.lang].wasThisHelpful, LABELS[reply.lang].listHint]) expect(json).not.toContain(label);
    }
    const howTo = renderTeams(replies[4] as Reply, { knowledge, submitButtons: false }).card;
    expect(ofType(howTo, 'Action.OpenUrl')).toHaveLength(1);
    expect(JSON.stringify(renderTeams(replies[0] as Reply, { knowledge, submitButtons: false }).card)).toContain('](https://experienceleague.adobe.com/');
  });
});

describe('renderTeams: the card envelope', () => {
  it.each(['diagnosis', 'module', 'list', 'help', 'invalid'] as const)('declares version 1.4, full width and a fallback for a %s reply', (kind) => {
    const replies: Record<typeof kind, Reply> = {
      diagnosis: diagnosis('mta', 'en'),
      module: { kind: 'module', lang: 'en', module: entry('mta') },
      list: { kind: 'list', lang: 'en', modules: knowledge.modules },
      help: { kind: 'help', lang: 'en' },
      invalid: { kind: 'invalid', lang: 'en', reason: 'too-long' },
    };
    const { card, text } = renderTeams(replies[kind], { knowledge });
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: TEAMS_LIMITS.cardVersion, msteams: { width: 'Full' }, fallbackText: text });
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(TEAMS_LIMITS.summaryText);
  });
});

describe('renderTeams: diagnosis card', () => {
  it('shows module, confidence, scope, numbered steps, monospace commands with the instance, and doc links', () => {
    const mta = entry('mta');
    const { card, text } = renderTeams(diagnosis('mta', 'en'), { knowledge, instance: 'prod' });
    const json = JSON.stringify(card);
    expect(text).toBe(`Likely module: mta (82%) - ${mta.name.en}`);
    expect(json).toContain('Likely module: mta');
    expect(ofType(card, 'FactSet')[0]?.facts).toEqual(
      expect.arrayContaining([
        { title: 'Confidence', value: '82%' },
        { title: 'Execution scope', value: mta.scope.en },
      ]),
    );
    const numbers = ofType(card, 'TextBlock')
      .map((t) => t.text)
      .filter((t) => /^\d+\.$/.test(String(t)));
    expect(numbers).toEqual(mta.remediation.en.map((_, i) => `${i + 1}.`));
    const mono = ofType(card, 'TextRun')
      .filter((r) => r.fontType === 'Monospace')
      .map((r) => r.text);
    for (const command of mta.commands) expect(mono).toContain(command.run.replaceAll('{instance}', 'prod'));
    expect(json).not.toContain('{instance}');
    expect(json).not.toContain('<instance>');
    // Doc pages are links in text, so Teams shows their whole titles (buttons cut them short).
    const docText =
      ofType(card, 'TextBlock')
        .map((t) => String(t.text))
        .find((t) => t.includes('](')) ?? '';
    for (const doc of mta.docs) expect(docText).toContain(`[${doc.title.en}](${doc.url})`);
  });

  it('offers the other candidates and Helpful / Not it as Action.Submit with module and language', () => {
    const { card } = renderTeams(diagnosis('mta', 'ko', { also: ['stat'] }), { knowledge });
    expect(submits(card)).toEqual([
      { action: 'show-module', module: 'stat', lang: 'ko' },
      { action: 'show-module', module: 'wfserver', lang: 'ko' },
      expect.objectContaining({ action: 'feedback', verdict: 'helpful', module: 'mta', lang: 'ko', candidates: expect.arrayContaining(['stat']) }),
      expect.objectContaining({ action: 'feedback', verdict: 'not_it', module: 'mta', lang: 'ko', confidence: expect.any(Number) }),
    ]);
    const titles = ofType(card, 'Action.Submit').map((a) => a.title);
    expect(titles).toEqual(['stat (10%)', 'wfserver (5%)', LABELS.ko.helpful, LABELS.ko.notIt]);
    expect(JSON.stringify(card)).toContain(`"${LABELS.ko.alsoCheck}"`);
  });

  it('writes Korean labels and Korean doc links for a Korean question', () => {
    const { card } = renderTeams(diagnosis('wfserver', 'ko'), { knowledge });
    const json = JSON.stringify(card);
    expect(json).toContain(`${LABELS.ko.likelyModule}: wfserver`);
    // A step's code spans are runs of their own: a stretch of its prose is one string.
    const prose =
      entry('wfserver')
        .remediation.ko[0]?.split('`')
        .sort((a, b) => b.length - a.length)[0] ?? '';
    expect(json).toContain(prose.trim().slice(0, 10));
    const docText =
      ofType(card, 'TextBlock')
        .map((t) => String(t.text))
        .find((t) => t.includes('](')) ?? '';
    expect(docText.match(/\]\(([^)]+)\)/g)?.length).toBe(entry('wfserver').docs.length);
    expect(docText.match(/\]\(([^)]+)\)/g)?.every((link) => link.includes('lang=ko'))).toBe(true);
  });

  it('shows <instance> and says how to set it when no instance is configured', () => {
    const { card } = renderTeams(diagnosis('mta', 'en'), { knowledge });
    const json = JSON.stringify(card);
    expect(json).toContain('nlserver restart mta@<instance>');
    expect(json).toContain(JSON.stringify(LABELS.en.instanceMissing.chat));
    expect(json).not.toContain('CAMPAIGN_INSTANCE');
  });

  it('says no module matched, with feedback for module null, when the text is not about Campaign', () => {
    const { card, text } = renderTeams(diagnosis(null, 'en'), { knowledge });
    expect(text).toBe(LABELS.en.notCampaignTitle);
    expect(JSON.stringify(card)).toContain(LABELS.en.notCampaignTitle);
    expect(submits(card)).toEqual([
      expect.objectContaining({ action: 'feedback', verdict: 'helpful', module: null, lang: 'en' }),
      expect.objectContaining({ action: 'feedback', verdict: 'not_it', module: null, lang: 'en' }),
    ]);
  });

  it('renders a real reply from the triage core', () => {
    const { card } = renderTeams(triage.reply('워크플로가 시작되지 않아요'), { knowledge });
    expect(JSON.stringify(card)).toContain(LABELS.ko.likelyModule);
  });
});

describe('renderTeams: user text is echoed only escaped', () => {
  const hostile = '<at>CEO</at> [click](https://evil.example) **bold** _x_ www.evil.example\u0007';

  it('puts the query in a TextRun (never markdown) with mentions and links broken', () => {
    const reply: Reply = { ...diagnosis('mta', 'en', { evidence: ['<at>x</at>'] }), query: hostile } as Reply;
    const { card } = renderTeams(reply, { knowledge });
    const json = JSON.stringify(card);
    expect(json).not.toMatch(/<at>/);
    expect(json).not.toContain('https://evil');
    expect(json).not.toContain('www.evil');
    expect(json).not.toContain('\\u0007');
    const blocks = ofType(card, 'TextBlock').map((t) => String(t.text));
    expect(blocks.some((t) => t.includes('click'))).toBe(false);
    const echoed = ofType(card, 'TextRun').find((r) => String(r.text).includes('click'));
    expect(echoed?.text).toBe('\u2039at\u203ACEO\u2039/at\u203A [click](https:\u200B//evil.example) **bold** _x_ www\u200B.evil.example');
  });

  it('cuts a long query to the echo limit', () => {
    const reply = { ...diagnosis(null, 'en'), query: 'x'.repeat(5000) } as Reply;
    const echoed = ofType(renderTeams(reply, { knowledge }).card, 'TextRun').find((r) => String(r.text).startsWith('xxx'));
    expect(String(echoed?.text)).toHaveLength(TEAMS_LIMITS.echoedQuery);
  });
});

describe('renderTeams: list, help, invalid, welcome', () => {
  it('lists every module, each row selecting that module', () => {
    const { card } = renderTeams({ kind: 'list', lang: 'en', modules: knowledge.modules }, { knowledge });
    expect(submits(card)).toEqual(MODULE_IDS.map((module) => ({ action: 'show-module', module, lang: 'en' })));
    expect(JSON.stringify(card)).toContain(LABELS.en.listTitle);
  });

  it.each(LANGS)('explains itself with examples in %s', (lang) => {
    const json = JSON.stringify(renderTeams({ kind: 'help', lang }, { knowledge }).card);
    expect(json).toContain(LABELS[lang].helpTitle);
    for (const example of LABELS[lang].helpExamples) expect(json).toContain(JSON.stringify(example));
  });

  it.each([
    ['empty', LABELS.en.empty],
    ['too-long', LABELS.en.tooLong('1 MB')],
    ['no-text', LABELS.en.noText],
  ] as const)('answers invalid input (%s) with one neutral sentence', (reason, sentence) => {
    const { card, text } = renderTeams({ kind: 'invalid', lang: 'en', reason }, { knowledge });
    expect(text).toBe(sentence);
    expect(ofType(card, 'TextRun').map((r) => r.text)).toEqual([sentence]);
  });

  it('greets in the client language when added', () => {
    expect(JSON.stringify(renderTeamsWelcome('ko').card)).toContain(LABELS.ko.welcomeTitle);
  });
});

describe('renderTeams: size budget', () => {
  const allCards = () =>
    knowledge.modules.flatMap((m) =>
      LANGS.flatMap((lang) => [
        renderTeams({ kind: 'module', lang, module: m }, { knowledge, instance: 'production-eu-01' }).card,
        renderTeams(diagnosis(m.id, lang, { also: m.related }), { knowledge, instance: 'production-eu-01' }).card,
      ]),
    );

  it('keeps every real module card whole and under the budget', () => {
    const sizes = allCards().map(cardBytes);
    const largest = Math.max(...sizes);
    expect(largest).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
    // Real knowledge must fit without dropping anything.
    for (const card of allCards()) expect(JSON.stringify(card)).not.toContain(LABELS.en.detailsTrimmed);
  });

  it('shrinks an oversized entry step by step and says so', () => {
    const mta = entry('mta');
    const long = (s: string) => s.repeat(40);
    const huge: ModuleEntry = {
      ...mta,
      summary: mapLangs(mta.summary, long),
      remediation: mapLangs(mta.remediation, (steps) => steps.map(long)),
    };
    for (const lang of LANGS) {
      const { card } = renderTeams({ kind: 'module', lang, module: huge }, { knowledge });
      expect(cardBytes(card)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
      expect(JSON.stringify(card)).toContain(JSON.stringify(LABELS[lang].detailsTrimmed));
      expect(JSON.stringify(card)).toContain(huge.docs[0]?.url ?? 'no docs');
    }
  });

  it('falls back to title, note and docs when even the minimal card is too big', () => {
    const mta = entry('mta');
    const huge: ModuleEntry = { ...mta, commands: Array.from({ length: 3 }, () => ({ run: 'x'.repeat(20_000), why: mapLangs(mta.summary, () => '') })) };
    const { card } = renderTeams({ kind: 'module', lang: 'en', module: huge }, { knowledge });
    expect(cardBytes(card)).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
    expect(ofType(card, 'Action.OpenUrl').length).toBeGreaterThan(0);
  });
});

describe('renderTeamsCorrection', () => {
  it.each(LANGS)('shows `list` as code, not with its backticks, which an Adaptive Card prints as they are (%s)', (lang) => {
    const { card } = renderTeamsCorrection('0b8f6a52-3c1e-4f7a-9d2b-6e5c4a3b2a19', '5d2c8e0f1a3b4c6d', ['stat'], lang);
    const json = JSON.stringify((card as { body: unknown }).body);
    expect(json).not.toContain('`');
    expect(json).toContain('"text":"list","fontType":"Monospace"');
  });
});
