import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import type { Reply } from '../../src/core/reply.js';
import { createTriage } from '../../src/core/triage.js';
import { LANGS, mapLangs, type Knowledge, type Lang } from '../../src/core/types.js';
import { renderTeams, renderTeamsCorrection, renderTeamsWelcome } from '../../src/teams/card.js';
import { renderReportHtml } from '../../src/cli/feedback-html.js';
import type { FeedbackReport } from '../../src/store/report.js';
import { fillInstance } from '../../src/render/fill-instance.js';
import { labelled, LABELS } from '../../src/render/labels.js';
import { fullOutsideReply } from '../render/sample-replies.js';
import { SPAWN_TIMEOUT_MS } from '../wait.js';

/**
 * Renders every card the Teams bot can send with Microsoft's own Adaptive Cards renderer (the
 * browser build; its Node entry does not load on Node 20) in headless Chromium, and checks that
 * the renderer accepted it for schema 1.4 without a single parse or validation event.
 */

const CHROMIUM = '/usr/bin/chromium';
const RENDERER = join('node_modules', 'adaptivecards', 'dist', 'adaptivecards.js');
const RENDERER_CSS = join('node_modules', 'adaptivecards', 'dist', 'adaptivecards.css');
const INSTANCE = 'prod';

interface Sample {
  name: string;
  card: object;
  /** Text the rendered card must show. */
  expect: string[];
}

interface Rendered {
  name: string;
  events: string[];
  overflows: boolean;
  text: string;
  submits: number;
}

function samples(knowledge: Knowledge): Sample[] {
  const triage = createTriage(knowledge);
  const out: Sample[] = [];
  const add = (name: string, reply: Reply, expected: string[]) => out.push({ name, card: renderTeams(reply, { knowledge, instance: INSTANCE }).card, expect: expected });
  const steps = (lang: Lang, id: string) => {
    const entry = knowledge.byId.get(id as never);
    // The first words of each step, which the renderer must show verbatim (code spans become separate runs).
    return (entry?.remediation[lang] ?? []).map((s) => fillInstance(s, INSTANCE).split('`')[0]?.trim().slice(0, 20) ?? '').filter(Boolean);
  };
  for (const lang of LANGS) {
    for (const entry of knowledge.modules) {
      add(
        `diagnosis ${entry.id} ${lang}`,
        {
          kind: 'diagnosis',
          lang,
          query: entry.examples[lang][0] ?? entry.id,
          diagnosis: {
            module: entry.id,
            confidence: 0.8,
            also: entry.related.slice(0, 1),
            candidates: [{ module: entry.id, score: 0.8 }, ...entry.related.map((m) => ({ module: m, score: 0.1 }))],
            evidence: [entry.id],
            lang,
          },
          // Every diagnosis card carries the docs search a plain question gets, so the largest card is rendered.
          search: `https://experienceleague.adobe.com/search.html?lang=${lang}#q=${entry.id}&sort=relevancy&f:el_product=[Campaign%20Classic]`,
        },
        [`${labelled(LABELS[lang].likelyModule, lang)} ${entry.id}`, LABELS[lang].askedDocs.slice(0, 20), ...steps(lang, entry.id)],
      );
      add(`module ${entry.id} ${lang}`, { kind: 'module', lang, module: entry }, [entry.id, entry.name[lang], ...steps(lang, entry.id)]);
    }
    add(`no module ${lang}`, triage.reply(LUNCH[lang], { lang }), [LABELS[lang].notCampaignTitle]);
    const abstained = { module: null, confidence: 0.9, also: [], candidates: [], evidence: [], lang };
    add(
      `how-to ${lang}`,
      {
        kind: 'howto',
        lang,
        query: 'how do I add a seed address to a delivery?',
        search: `https://experienceleague.adobe.com/search.html?lang=${lang}#q=seed&sort=relevancy&f:el_product=[Campaign%20Classic]`,
        diagnosis: { ...abstained, reason: 'howto', fits: 'mta' },
      },
      [LABELS[lang].howToTitle, LABELS[lang].searchDocs],
    );
    for (const topic of knowledge.outside) {
      add(`outside ${topic.id} ${lang}`, fullOutsideReply(topic, lang), [topic.title[lang], LABELS[lang].outsideNamed('wfserver').slice(0, 20)]);
    }
    add(`real diagnosis ${lang}`, triage.reply(MAILS_STOPPED[lang], { lang }), [LABELS[lang].likelyModule]);
    add(`list ${lang}`, { kind: 'list', lang, modules: knowledge.modules }, [LABELS[lang].listTitle, ...knowledge.modules.map((m) => m.id)]);
    add(`help ${lang}`, { kind: 'help', lang }, [LABELS[lang].helpTitle, ...LABELS[lang].helpExamples]);
    for (const reason of ['empty', 'too-long', 'no-text'] as const) add(`invalid ${reason} ${lang}`, { kind: 'invalid', lang, reason }, []);
    out.push({ name: `welcome ${lang}`, card: renderTeamsWelcome(lang).card, expect: [LABELS[lang].welcomeTitle] });
    out.push({
      name: `correction ${lang}`,
      card: renderTeamsCorrection('0b8f6a52-3c1e-4f7a-9d2b-6e5c4a3b2a19', '5d2c8e0f1a3b4c6d', ['stat', 'mta'], lang).card,
      expect: [LABELS[lang].whichModule, LABELS[lang].correctionSubmit],
    });
    const mta = knowledge.byId.get('mta');
    if (mta) {
      const oversized = { ...mta, remediation: mapLangs(mta.remediation, (steps) => steps.map((s) => s.repeat(40))) };
      add(`trimmed module ${lang}`, { kind: 'module', lang, module: oversized }, ['mta', LABELS[lang].detailsTrimmed]);
      const giant = { ...mta, commands: [{ run: 'x'.repeat(40_000), why: mapLangs(mta.summary, () => '') }] };
      add(`smallest module ${lang}`, { kind: 'module', lang, module: giant }, [LABELS[lang].detailsTrimmed]);
    }
  }
  return out;
}

const LUNCH: Record<Lang, string> = {
  en: 'what is for lunch today?',
  ko: '오늘 점심 뭐 먹지?',
  ja: '今日のお昼どこにしましょうか？',
  de: 'Wo gehen wir heute Mittag essen?',
  fr: 'on mange où ce midi ?',
};
const MAILS_STOPPED: Record<Lang, string> = {
  en: 'emails stopped going out',
  ko: '메일이 발송되지 않아요',
  ja: 'メールが一通も送信されなくなりました',
  de: 'Seit einer Stunde werden keine E-Mails mehr versendet',
  fr: 'plus aucun e-mail ne part depuis une heure',
};

/** Runs in the page: parse with a 1.4 SerializationContext, validate, render, and report everything. */
async function renderAll(page: Page, cards: Sample[]): Promise<Rendered[]> {
  return page.evaluate((input) => {
    const AC = (window as unknown as { AdaptiveCards: any }).AdaptiveCards;
    // Teams runs its own markdown over TextBlocks; our TextBlocks carry plain labels only, so the
    // host hook here just escapes HTML (without a hook the renderer warns on every TextBlock).
    AC.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml?: string; didProcess: boolean }) => {
      result.outputHtml = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      result.didProcess = true;
    };
    const root = document.getElementById('root') as HTMLElement;
    return input.map(({ name, card }) => {
      const context = new AC.SerializationContext(AC.Versions.v1_4);
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.parse(card, context);
      const events: string[] = [];
      for (let i = 0; i < context.eventCount; i++) events.push(`parse: ${context.getEventAt(i).message}`);
      for (const e of adaptiveCard.validateProperties().validationEvents) events.push(`validate: ${e.message}`);
      const holder = document.createElement('section');
      holder.dataset.name = name;
      holder.style.width = '560px';
      holder.style.marginBottom = '24px';
      const element = adaptiveCard.render();
      if (element) holder.appendChild(element);
      else events.push('render: no element');
      root.appendChild(holder);
      // Prose wider than its 560 px column: a line that does not wrap (Japanese has no spaces to wrap at).
      // Commands are left out: one long shell line cannot be broken without breaking the paste.
      const edge = holder.getBoundingClientRect().right + 1;
      const overflows = [...holder.querySelectorAll<HTMLElement>('*')].some(
        (el) => el.getBoundingClientRect().right > edge && !/mono|courier|consolas/i.test(getComputedStyle(el).fontFamily),
      );
      // biome-ignore lint/performance/useDomNodeTextContent: the test wants the text as rendered, the way a reader sees the card
      return { name, events, overflows, text: holder.innerText, submits: holder.querySelectorAll('button, [role="button"]').length };
    });
  }, cards);
}

describe("Adaptive Cards rendered by Microsoft's renderer in headless Chromium", () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let knowledge: Knowledge;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM}: not installed (apt-get install -y chromium)`);
    knowledge = loadKnowledge('knowledge');
    profile = mkdtempSync(join(tmpdir(), 'cmb-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') pageErrors.push(message.text());
    });
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family: sans-serif; background: #f5f5f5"><div id="root"></div></body></html>');
    await page.addStyleTag({ content: readFileSync(RENDERER_CSS, 'utf8') });
    await page.addScriptTag({ content: readFileSync(RENDERER, 'utf8') });
  }, SPAWN_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it(
    'renders every card kind with no parse or validation events, showing module and steps',
    async () => {
      const cards = samples(knowledge);
      const rendered = await renderAll(page, cards);
      expect(rendered).toHaveLength(cards.length);
      for (const [i, result] of rendered.entries()) {
        const sample = cards[i];
        if (!sample) throw new Error('sample missing');
        expect({ card: result.name, events: result.events, overflows: result.overflows }).toEqual({ card: sample.name, events: [], overflows: false });
        expect(result.text.trim().length, result.name).toBeGreaterThan(0);
        for (const expected of sample.expect) expect(result.text, `${result.name} shows "${expected}"`).toContain(expected);
      }
      const feedbackCards = rendered.filter((r) => r.name.startsWith('diagnosis'));
      expect(feedbackCards.every((r) => r.submits >= 2)).toBe(true);
      expect(pageErrors).toEqual([]);
    },
    SPAWN_TIMEOUT_MS,
  );

  it('would catch a card that Teams cannot render at 1.4 (control)', async () => {
    const bad = {
      type: 'AdaptiveCard',
      version: '1.4',
      body: [{ type: 'Table', columns: [], rows: [] }, { type: 'TextBlock' }],
      actions: [
        { type: 'Action.Submit', title: 'ok', data: {} },
        { type: 'Action.Frobnicate', title: 'x' },
      ],
    };
    const [result] = await renderAll(page, [{ name: 'control', card: bad, expect: [] }]);
    expect(result?.events.length).toBeGreaterThanOrEqual(2);
  });

  it(
    'takes a picture of a diagnosis card for the docs',
    async () => {
      const mta = knowledge.byId.get('mta');
      if (!mta) throw new Error('no mta');
      const card = renderTeams(
        {
          kind: 'diagnosis',
          lang: 'en',
          query: 'emails stopped going out an hour ago, deliveries stuck in Pending',
          diagnosis: {
            module: 'mta',
            confidence: 0.87,
            also: ['stat'],
            candidates: [
              { module: 'mta', score: 0.87 },
              { module: 'stat', score: 0.09 },
            ],
            evidence: ['emails', 'Pending'],
            lang: 'en',
          },
        },
        { knowledge, instance: INSTANCE },
      ).card;
      await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff"><div id="root"></div></body></html>');
      await page.addStyleTag({ content: readFileSync(RENDERER_CSS, 'utf8') });
      await page.addScriptTag({ content: readFileSync(RENDERER, 'utf8') });
      const [result] = await renderAll(page, [{ name: 'docs', card, expect: [] }]);
      expect(result?.events).toEqual([]);
      const shot = join(profile, 'teams-card.png');
      await page.locator('section[data-name="docs"]').screenshot({ path: shot });
      const png = readFileSync(shot);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);
    },
    SPAWN_TIMEOUT_MS,
  );
});

describe('feedback report --format html in headless Chromium, offline', () => {
  const report: FeedbackReport = {
    since: '2026-11-29T00:00:00.000Z',
    until: '2026-12-06T00:00:00.000Z',
    answers: 40,
    verdicts: { helpful: 12, not_it: 3 },
    helpfulRate: 0.8,
    corrections: [
      { answered: 'web', correct: 'tracking', count: 2 },
      { answered: null, correct: 'wfserver', count: 1 },
    ],
    byModule: {
      mta: { answers: 25, helpful: 10, not_it: 1, helpfulRate: 0.909 },
      web: { answers: 10, helpful: 2, not_it: 2, helpfulRate: 0.5 },
      none: { answers: 5, helpful: 0, not_it: 0, helpfulRate: null },
    },
    byLang: { en: { answers: 30, helpful: 9, not_it: 2, helpfulRate: 0.818 }, ko: { answers: 10, helpful: 3, not_it: 1, helpfulRate: 0.75 } },
    abstentionsCorrected: 1,
    recentNotIt: [
      {
        at: '2026-12-05T10:00:00.000Z',
        platform: 'slack',
        lang: 'en',
        answered: 'web',
        correct: 'tracking',
        question: '<img src=x onerror="window.hacked=1"> pages 500 <script>window.hacked=2</script>',
      },
    ],
  };

  it(
    'is one page that loads nothing, draws its charts, and shows stored questions as text',
    async () => {
      const profile = mkdtempSync(join(tmpdir(), 'cmb-report-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        offline: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const requests: string[] = [];
        const errors: string[] = [];
        page.on('request', (request) => requests.push(request.url()));
        page.on('pageerror', (error) => errors.push(error.message));
        await page.setContent(renderReportHtml(report), { waitUntil: 'load' });
        expect(await page.locator('#summary').textContent()).toBe('40 answers · 12 helpful · 3 not it · helpful rate 80%');
        expect(await page.locator('svg').count()).toBe(2);
        const bars = await page.locator('svg rect.helpful').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
        expect(bars.filter((w) => w > 0).length).toBeGreaterThanOrEqual(3);
        expect(await page.locator('#corrections tbody tr').allInnerTexts()).toEqual(['web\ttracking\t2', '(none)\twfserver\t1']);
        expect(await page.locator('#recent').textContent()).toContain('<script>window.hacked=2</script>');
        expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
        expect(await page.locator('#recent img, #recent script').count()).toBe(0);
        expect(requests).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
    SPAWN_TIMEOUT_MS,
  );
});
