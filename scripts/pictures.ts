/**
 * `npm run pictures`: redraws the card pictures in docs/ from real replies. The real CLI answers a
 * fixed question in English, Korean, Japanese and German (`ask --format slack|teams`: the bots' own triage and
 * renderers), and headless Chromium photographs each card: Slack's blocks in a Slack-like page,
 * the Teams card drawn by Microsoft's Adaptive Cards renderer.
 * Needs Debian's Chromium and a Korean and Japanese font: apt-get install -y chromium fonts-noto-cjk
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { loadKnowledge } from '../src/core/knowledge.js';
import { renderAppHome } from '../src/slack/app-home.js';
import type { Block } from '../src/slack/block-kit.js';
import { slackCardHtml } from './slack-card-html.js';
import { showTeamsCard } from './teams-card-page.js';

const REPO = resolve(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const INSTANCE = 'prod';
const PICTURES = [
  { lang: 'en', question: 'emails stuck in pending since the 10:00 deployment', slack: 'docs/slack-card.png', teams: 'docs/teams-card.png' },
  { lang: 'ko', question: '10시 배포 이후로 메일이 발송 대기 상태에서 안 나가요', slack: 'docs/slack-card-ko.png', teams: 'docs/teams-card-ko.png' },
  { lang: 'ja', question: '10時のデプロイ以降、メールが保留中のまま送信されません', slack: 'docs/slack-card-ja.png', teams: 'docs/teams-card-ja.png' },
  { lang: 'de', question: 'Seit dem Deployment um 10 Uhr bleiben die Mails auf Ausstehend hängen', slack: 'docs/slack-card-de.png', teams: 'docs/teams-card-de.png' },
] as const;

/** A monitoring alert for the pictures of "Ask campaign-module" (Slack message shortcut, Teams message action). */
const ALERT = 'PROBLEM Service Alert: camp01/nlserver wfserver@prod is CRITICAL: process not running';

/** What is missing from this machine, each with the command that installs it. */
function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM}: not installed (apt-get install -y chromium)`);
  let koreanFonts = '';
  try {
    koreanFonts = execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' });
  } catch {
    // No fontconfig at all: reported as no font below.
  }
  if (koreanFonts.trim() === '') missing.push('no Korean font, the -ko pictures would show empty boxes (apt-get install -y fonts-noto-cjk)');
  return missing;
}

/**
 * The bot's answer as the CLI prints it, from an empty directory with only CAMPAIGN_INSTANCE set,
 * so a developer's .env cannot change the picture.
 */
async function ask(question: string, format: 'slack' | 'teams', cwd: string): Promise<unknown> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(REPO, 'bin/campaign-module.js'), 'ask', '--format', format, question], {
    cwd,
    env: { PATH: process.env.PATH ?? '', CAMPAIGN_INSTANCE: INSTANCE },
    timeout: 120_000,
  });
  return JSON.parse(stdout) as unknown;
}

async function photograph(page: Page, file: string): Promise<void> {
  const png = await page.locator('#card').screenshot();
  writeFileSync(join(REPO, file), png);
  const box = await page.locator('#card').boundingBox();
  console.log(`${file}: ${Math.round(box?.width ?? 0)}×${Math.round(box?.height ?? 0)}, ${png.length} bytes`);
}

/** The ways in that meet an incident where it is: an alert answered through the message shortcut and action, and the Home tab. */
async function photographWaysIn(page: Page, cwd: string): Promise<void> {
  const [slack, teams] = await Promise.all([ask(ALERT, 'slack', cwd), ask(ALERT, 'teams', cwd)]);
  await page.setContent(slackCardHtml((slack as { blocks: Block[] }).blocks, ALERT, 'en', `In the thread of a Nagios alert, after Ask campaign-module: “${ALERT}”`));
  await photograph(page, 'docs/slack-shortcut.png');
  const events = await showTeamsCard(page, teams as object, 'en');
  if (events.length > 0) throw new Error(`docs/teams-message-action.png: the Adaptive Cards renderer objects: ${events.join('; ')}`);
  await photograph(page, 'docs/teams-message-action.png');
  const home = renderAppHome({ modules: loadKnowledge(join(REPO, 'knowledge')).modules, instance: INSTANCE, instances: [INSTANCE, 'mkt'], alertChannels: [] });
  await page.setContent(slackCardHtml(home.blocks, '', 'en', 'Home tab'));
  await photograph(page, 'docs/slack-home.png');
}

async function main(): Promise<void> {
  const missing = missingPrerequisites();
  if (missing.length > 0) throw new Error(missing.join('; '));
  const cwd = mkdtempSync(join(tmpdir(), 'cmb-pictures-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const replies = await Promise.all(
      PICTURES.map(async (picture) => {
        const [slack, teams] = await Promise.all([ask(picture.question, 'slack', cwd), ask(picture.question, 'teams', cwd)]);
        return { picture, slack: slack as { blocks: Block[] }, teams: teams as object };
      }),
    );
    const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
    for (const { picture, slack, teams } of replies) {
      await page.setContent(slackCardHtml(slack.blocks, picture.question, picture.lang));
      await photograph(page, picture.slack);
      const events = await showTeamsCard(page, teams, picture.lang);
      if (events.length > 0) throw new Error(`${picture.teams}: the Adaptive Cards renderer objects: ${events.join('; ')}`);
      await photograph(page, picture.teams);
    }
    await photographWaysIn(page, cwd);
  } finally {
    await browser.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`pictures: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
