import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import type { Reply } from '../../src/core/reply.js';
import { createTriage } from '../../src/core/triage.js';
import type { Diagnosis, Lang, ModuleEntry } from '../../src/core/types.js';
import { LABELS } from '../../src/render/labels.js';
import { MAX_INPUT_LABEL, SLACK_LIMITS } from '../../src/render/limits.js';
import { decodeFeedback, decodeShowModule, FEEDBACK_BLOCK_ID } from '../../src/slack/actions.js';
import type { ActionsBlock, Block, Button } from '../../src/slack/block-kit.js';
import { renderSlack, renderSlackError, type SlackMessage } from '../../src/slack/blocks.js';
import { fullOutsideReply } from '../render/sample-replies.js';
import { limitProblems, mrkdwnTexts } from './limits.js';

const knowledge = loadKnowledge('knowledge');
const triage = createTriage(knowledge);
const LANGS: Lang[] = ['en', 'ko'];

function entry(id: string): ModuleEntry {
  const found = knowledge.modules.find((m) => m.id === id);
  if (!found) throw new Error(`no module ${id} in knowledge/`);
  return found;
}

function diagnosisOf(module: ModuleEntry | null, lang: Lang, extra: Partial<Diagnosis> = {}): Reply {
  const diagnosis: Diagnosis = {
    module: module?.id ?? null,
    confidence: 0.87,
    also: [],
    candidates: module ? [{ module: module.id, score: 0.87 }] : [],
    evidence: [],
    lang,
    ...extra,
  };
  return { kind: 'diagnosis', lang, diagnosis, query: 'emails stuck in pending' };
}

const allText = (m: SlackMessage) => JSON.stringify(m);
const buttons = (m: SlackMessage): Button[] => m.blocks.flatMap((b: Block) => (b.type === 'actions' ? b.elements : b.type === 'section' && b.accessory ? [b.accessory] : []));
/** Larger than any real entry: far more steps and commands than a card can hold. */
function oversized(base: ModuleEntry): ModuleEntry {
  const long = (i: number) => `Step ${i}: ${'check the mta@{instance} log & restart it <carefully> '.repeat(12)}`;
  const steps = Array.from({ length: 80 }, (_, i) => long(i));
  const commands = Array.from({ length: 60 }, (_, i) => ({
    run: `nlserver restart mta@{instance} # ${i} ${'x'.repeat(120)}`,
    why: { en: long(i), ko: long(i), ja: long(i), de: long(i), fr: long(i) },
  }));
  return { ...base, remediation: { en: steps, ko: steps, ja: steps, de: steps, fr: steps }, commands, docs: [...base.docs, ...base.docs, ...base.docs] };
}

describe('renderSlack limits', () => {
  const replies: Array<[string, Reply]> = [];
  for (const lang of LANGS) {
    for (const m of knowledge.modules) {
      replies.push([`module ${m.id} ${lang}`, { kind: 'module', lang, module: m }]);
      replies.push([`diagnosis ${m.id} ${lang}`, diagnosisOf(m, lang, { also: m.related, candidates: knowledge.modules.map((o) => ({ module: o.id, score: 0.05 })) })]);
    }
    replies.push([`list ${lang}`, { kind: 'list', lang, modules: knowledge.modules }]);
    replies.push([`help ${lang}`, { kind: 'help', lang }]);
    replies.push([`not campaign ${lang}`, diagnosisOf(null, lang)]);
    const abstained = { module: null, confidence: 0.9, also: [], candidates: [], evidence: [], lang };
    const search = `https://experienceleague.adobe.com/search.html?lang=${lang}#q=seed&sort=relevancy&f:el_product=[Campaign%20Classic]`;
    replies.push([`how-to ${lang}`, { kind: 'howto', lang, query: 'how do I add a seed address?', search, diagnosis: { ...abstained, reason: 'howto', fits: 'mta' } }]);
    for (const topic of knowledge.outside) replies.push([`outside ${topic.id} ${lang}`, fullOutsideReply(topic, lang)]);
    for (const reason of ['empty', 'too-long', 'no-text'] as const) replies.push([`invalid ${reason} ${lang}`, { kind: 'invalid', lang, reason }]);
  }

  it.each(replies)('%s stays within Block Kit limits', (_name, reply) => {
    for (const instance of [undefined, 'prod']) {
      expect(limitProblems(renderSlack(reply, { knowledge, ...(instance && { instance }) }))).toEqual([]);
    }
  });

  it('fits the largest knowledge entry, module card and diagnosis card, in both languages', () => {
    const largest = [...knowledge.modules].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
    expect(largest).toBeDefined();
    if (!largest) return;
    for (const lang of LANGS) {
      const card = renderSlack(diagnosisOf(largest, lang, { also: largest.related }), { knowledge, instance: 'prod' });
      expect(limitProblems(card)).toEqual([]);
      expect(card.blocks.length).toBeGreaterThan(8);
      expect(allText(card)).toContain(
        largest.remediation[lang]
          .at(-1)
          ?.slice(0, 20)
          .replace(/\{instance\}/g, 'prod'),
      );
    }
  });

  it('cuts an oversized entry to the limits and still ends with the feedback buttons', () => {
    const big = oversized(entry('mta'));
    const big_knowledge = { byId: new Map([...knowledge.byId, ['mta', big] as const]) };
    const card = renderSlack(diagnosisOf(big, 'en'), { knowledge: big_knowledge });
    expect(limitProblems(card)).toEqual([]);
    expect(card.blocks).toHaveLength(SLACK_LIMITS.blocks);
    const last = card.blocks.at(-1) as ActionsBlock;
    expect(last.block_id).toBe(FEEDBACK_BLOCK_ID);
    const moduleCard = renderSlack({ kind: 'module', lang: 'ko', module: big }, { knowledge: big_knowledge });
    expect(limitProblems(moduleCard)).toEqual([]);
  });
});

describe('renderSlack escaping', () => {
  const hostile = '&lt;!channel&gt; emails stuck &lt;http://evil.example|google.com&gt; &amp; <@U999> <!here>';

  it('echoes the question with &, < and > escaped, so it cannot ping or hide a link', () => {
    const reply = triage.reply(hostile);
    expect(reply.kind).toBe('diagnosis');
    const card = renderSlack(reply, { knowledge });
    const json = allText(card);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<!here>');
    expect(json).not.toContain('<http://evil');
    expect(json).toContain('&lt;!channel&gt;');
    for (const text of mrkdwnTexts(card)) expect(text).not.toMatch(/[<>]/);
  });

  it.each(LANGS)('never leaves a raw < or > in mrkdwn on any %s card, knowledge included', (lang) => {
    const cards = [
      ...knowledge.modules.map((m) => renderSlack({ kind: 'module', lang, module: m }, { knowledge })),
      ...knowledge.modules.map((m) => renderSlack(diagnosisOf(m, lang, { evidence: ['<b>pasted</b>', 'mta@prod'] }), { knowledge })),
      renderSlack({ kind: 'list', lang, modules: knowledge.modules }, { knowledge }),
      renderSlack({ kind: 'help', lang }, { knowledge }),
      renderSlackError(lang),
    ];
    for (const card of cards) for (const text of mrkdwnTexts(card)) expect(text).not.toMatch(/[<>]/);
  });

  it('cuts a long question before echoing it', () => {
    const card = renderSlack({ ...diagnosisOf(entry('mta'), 'en'), query: 'x'.repeat(5000) } as Reply, { knowledge });
    const echoed = mrkdwnTexts(card).find((t) => t.startsWith(`*${LABELS.en.youAsked}:*`)) ?? '';
    expect(echoed.length).toBeLessThan(SLACK_LIMITS.echoedQuery + 40);
  });
});

describe('renderSlack diagnosis card', () => {
  const mta = entry('mta');

  it('shows module, confidence, language, scope, numbered steps, filled commands, docs, candidates and feedback', () => {
    const reply = diagnosisOf(mta, 'en', {
      also: ['stat'],
      candidates: [
        { module: 'mta', score: 0.87 },
        { module: 'stat', score: 0.4 },
        { module: 'wfserver', score: 0.02 },
      ],
      evidence: ['pending'],
    });
    const card = renderSlack(reply, { knowledge, instance: 'prod' });
    const json = allText(card);
    expect(card.blocks[0]).toMatchObject({ type: 'header', text: { text: expect.stringContaining(mta.name.en) } });
    expect(json).toContain('87%');
    expect(json).toContain(`*${LABELS.en.language}:* English`);
    expect(json).toContain(mta.scope.en);
    expect(json).toMatch(/\\n1\. .*\\n2\. /);
    expect(json).toContain('```');
    expect(json).toContain('nlserver restart mta@prod');
    expect(json).not.toContain('{instance}');
    expect(json).not.toContain(LABELS.en.instanceMissing.chat.slice(0, 20));
    const docs = buttons(card).filter((b) => b.url);
    expect(docs.map((b) => b.url)).toEqual(mta.docs.map((d) => d.url));
    const candidates = buttons(card).filter((b) => b.action_id.startsWith('show_module'));
    expect(candidates.map((b) => decodeShowModule(b.value))).toEqual([
      { module: 'stat', lang: 'en' },
      { module: 'wfserver', lang: 'en' },
    ]);
    const votes = buttons(card).filter((b) => b.action_id.startsWith('feedback'));
    expect(votes.map((b) => decodeFeedback(b.value))).toEqual([
      expect.objectContaining({ verdict: 'helpful', module: 'mta', lang: 'en' }),
      expect.objectContaining({ verdict: 'not_it', module: 'mta', lang: 'en' }),
    ]);
    // The verdict carries what it judged: the confidence, the runners-up for the correction menu, and the question.
    expect(decodeFeedback(votes[1]?.value)).toMatchObject({ confidence: expect.any(Number), candidates: expect.arrayContaining(['stat']), question: expect.any(String) });
    expect(card.text).toContain('mta');
  });

  it('shows a visible <instance> placeholder and a note when no instance is configured', () => {
    const json = allText(renderSlack(diagnosisOf(mta, 'en'), { knowledge }));
    expect(json).toContain('nlserver restart mta@&lt;instance&gt;');
    // A chat user cannot set variables or pass flags: the note says to name the instance instead.
    expect(json).toContain('Name it in your message');
    expect(json).not.toContain('CAMPAIGN_INSTANCE');
  });

  it('answers a Korean question with a Korean card and Korean doc pages', () => {
    const reply = triage.reply('워크플로가 시작되지 않아요');
    expect(reply).toMatchObject({ kind: 'diagnosis', lang: 'ko', diagnosis: { module: 'wfserver' } });
    const card = renderSlack(reply, { knowledge });
    const json = allText(card);
    expect(json).toContain(LABELS.ko.likelyModule);
    expect(json).toContain(LABELS.ko.steps);
    expect(json).toContain(entry('wfserver').remediation.ko[0]?.slice(0, 15));
    expect(json).toContain('한국어');
    for (const b of buttons(card).filter((x) => x.url)) expect(b.url).toContain('lang=ko');
    expect(buttons(card).map((b) => b.text.text)).toContain(LABELS.ko.helpful);
  });

  it('says plainly when no Campaign module matched, and still asks for feedback', () => {
    const card = renderSlack(diagnosisOf(null, 'en'), { knowledge });
    expect(card.blocks[0]).toMatchObject({ type: 'header', text: { text: LABELS.en.notCampaignTitle } });
    const votes = buttons(card).filter((b) => b.action_id.startsWith('feedback'));
    expect(decodeFeedback(votes[0]?.value)).toMatchObject({ verdict: 'helpful', module: null, lang: 'en' });
  });
});

describe('renderSlack other replies', () => {
  it('lists every module with a button that opens its card', () => {
    const card = renderSlack({ kind: 'list', lang: 'en', modules: knowledge.modules }, { knowledge });
    const opens = buttons(card).map((b) => decodeShowModule(b.value)?.module);
    expect(opens).toEqual(knowledge.modules.map((m) => m.id));
    expect(card.text).toContain('wfserver');
  });

  it('shows a module card with its related modules as buttons', () => {
    const card = renderSlack({ kind: 'module', lang: 'en', module: entry('tracking') }, { knowledge, instance: 'prod' });
    expect(card.blocks[0]).toMatchObject({ type: 'header' });
    const related = buttons(card)
      .filter((b) => b.action_id.startsWith('show_module'))
      .map((b) => decodeShowModule(b.value)?.module);
    expect(related).toEqual(entry('tracking').related);
    expect(buttons(card).some((b) => b.action_id.startsWith('feedback'))).toBe(false);
  });

  it.each(LANGS)('shows usage with examples in %s', (lang) => {
    const json = allText(renderSlack({ kind: 'help', lang }, { knowledge }));
    expect(json).toContain(LABELS[lang].helpTitle);
    for (const example of LABELS[lang].helpExamples) expect(json).toContain(example);
  });

  it('explains each kind of unusable input', () => {
    const text = (reason: 'empty' | 'too-long' | 'no-text') => renderSlack({ kind: 'invalid', lang: 'en', reason }, { knowledge }).text;
    expect(text('empty')).toBe(LABELS.en.empty);
    expect(text('too-long')).toContain(MAX_INPUT_LABEL);
    expect(text('no-text')).toBe(LABELS.en.noText);
  });
});
