import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { labelled, LABELS } from '../../src/render/labels.js';
import { MAX_INPUT_BYTES } from '../../src/render/limits.js';
import { SPAWN_TIMEOUT_MS } from '../wait.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/campaign-module.js');
const FIXTURE = join(ROOT, 'test/fixtures/eval-small.jsonl');
const scratch = mkdtempSync(join(tmpdir(), 'cli-test-'));
const ANSI_COLOUR = /\u001B\[[0-9;]*m/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a child process, from a scratch directory so no local .env leaks in. */
function run(args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of ['CAMPAIGN_INSTANCE', 'KNOWLEDGE_DIR', 'FORCE_COLOR']) if (!options.env?.[name]) delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: scratch, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {}); // the CLI may exit before reading everything
    child.stdin.end(options.input ?? '');
  });
}

/** A failure is one line on stderr, naming the program, never a stack trace. */
function expectOneLineError(result: Run, code: number, message: string | RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^campaign-module: /);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
  if (typeof message === 'string') expect(result.stderr).toContain(message);
  else expect(result.stderr).toMatch(message);
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('campaign-module ask', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('names inMail for a bounce symptom, with English steps and the instance from CAMPAIGN_INSTANCE', async () => {
    const result = await run(['ask', 'bounce mails are no longer forwarded'], { env: { CAMPAIGN_INSTANCE: 'prod' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${LABELS.en.likelyModule}: .*inMail`));
    expect(result.stdout).toContain(LABELS.en.steps);
    expect(result.stdout).toContain('inMail@prod');
    expect(result.stdout).not.toMatch(ANSI_COLOUR);
  });

  it('names wfserver for a Korean workflow symptom and answers in Korean', async () => {
    const result = await run(['ask', '워크플로가 시작되지 않아요']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${LABELS.ko.likelyModule}: .*wfserver`));
    expect(result.stdout).toContain(LABELS.ko.steps);
    expect(result.stdout).toContain('wfserver@<instance>');
  });

  it('reads stdin when no text is given; JSON carries the diagnosis and the module, --instance over the environment', async () => {
    const result = await run(['ask', '--format', 'json', '--instance', 'stage'], {
      input: 'the MTA crashed and emails stay pending\n',
      env: { CAMPAIGN_INSTANCE: 'prod' },
    });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ kind: 'diagnosis', lang: 'en', instance: 'stage', diagnosis: { module: 'mta' } });
    expect(json.query).toContain('the MTA crashed');
    expect(json.module.id).toBe('mta');
    expect(json.module.commands.map((c: { run: string }) => c.run)).toContain('nlserver restart mta@stage');
    expect(result.stdout).not.toContain('@prod');
  });

  it('prints Slack Block Kit and a Teams Adaptive Card', async () => {
    const [slack, teams] = await Promise.all([
      run(['ask', '--format', 'slack', 'nlserver pdump says No tasks']),
      run(['ask', '--format', 'teams', '--lang', 'ko', 'nlserver pdump says No tasks']),
    ]);
    expect(slack.code).toBe(0);
    const message = JSON.parse(slack.stdout);
    expect(message.blocks.length).toBeGreaterThan(3);
    expect(slack.stdout).toContain('watchdog');
    expect(teams.code).toBe(0);
    const card = JSON.parse(teams.stdout);
    expect(card.type).toBe('AdaptiveCard');
    expect(Number(card.version)).toBeLessThanOrEqual(1.5);
    expect(teams.stdout).toContain(LABELS.ko.likelyModule);
  });
});

describe('campaign-module and the server settings', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it("answers whatever the server's Slack and Teams variables hold: a half-filled .env does not stop a diagnosis", async () => {
    const result = await run(['ask', 'bounce mails are no longer forwarded'], {
      env: { CAMPAIGN_INSTANCE: 'prod', SLACK_BOT_TOKEN: 'nope', MicrosoftAppId: '00000000-0000-0000-0000-000000000001', HTTPS_PROXY: 'not a url' },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('inMail@prod');
  });

  it('still refuses a bad variable it reads, naming it, exit 1', async () => {
    expectOneLineError(await run(['ask', 'mta down'], { env: { CAMPAIGN_INSTANCE: 'bad name!' } }), 1, 'CAMPAIGN_INSTANCE: expected');
  });
});

describe('campaign-module ask: input it refuses', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it.each([
    ['empty text', ['ask', '   '], undefined, LABELS.en.empty],
    ['empty stdin', ['ask'], '', LABELS.en.empty],
    ['over 1 MB on stdin', ['ask'], 'mail '.repeat(MAX_INPUT_BYTES / 5 + 1), 'over 1 MB'],
    ['binary bytes', ['ask'], Buffer.from([0x6d, 0x74, 0x61, 0x00, 0xff, 0xfe, 0x01, 0x02]), 'binary data'],
    ['emoji only', ['ask', '🔥🔥 😱'], undefined, LABELS.en.noText],
    ['terminal colour codes only', ['ask', '\u001b[0m\u001b[31m'], undefined, LABELS.en.noText],
    [
      'Spanish',
      ['ask', 'los correos no salen desde ayer, el mta no funciona'],
      undefined,
      'I can only read English, Korean (한국어), Japanese (日本語), German (Deutsch) and French',
    ],
    ['Russian', ['ask', 'почта не отправляется со вчерашнего дня'], undefined, 'I can only read English'],
  ] as const)('%s → exit 65 and one clear line', async (_name, args, input, message) => {
    expectOneLineError(await run([...args], input === undefined ? {} : { input }), 65, message);
  });
});

describe('campaign-module ask in Japanese, German and French', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it.each([
    ['ja', 'ワークフローが「開始中」のまま止まっています'],
    ['de', "Unsere Workflows bleiben seit heute früh auf 'Start wird ausgeführt' stehen"],
    ['fr', 'les workflows restent bloqués en « Démarrage en cours » depuis ce matin'],
  ] as const)('%s: names wfserver with the steps, commands and docs in that language', async (lang, question) => {
    const result = await run(['ask', '--instance', 'prod', question]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${labelled(LABELS[lang].likelyModule, lang)} wfserver`);
    expect(result.stdout).toContain(LABELS[lang].steps);
    expect(result.stdout).toContain('nlserver start wfserver@prod');
    expect(result.stdout).toContain(`?lang=${lang}`);
  });

  it('answers in the language --lang asks for, whatever the question is written in', async () => {
    const result = await run(['ask', '--lang', 'de', '--format', 'json', 'workflows stuck in Start in progress']);
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'diagnosis', lang: 'de', diagnosis: { module: 'wfserver' } });
  });
});

describe('campaign-module classify --jsonl', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('answers every line in order, and bad lines with an error without stopping', async () => {
    const lines = [
      '{"text": "bounce mails are no longer forwarded"}',
      'this is not json',
      '{"text": 42}',
      '{"text": "워크플로가 시작되지 않아요"}',
      '',
      '{"text": "who wants pizza for lunch?"}',
      `{"text": "${'x'.repeat(MAX_INPUT_BYTES + 1)}"}`,
      '{"text": "???"}',
    ];
    const result = await run(['classify', '--jsonl'], { input: `${lines.join('\n')}\n` });
    expect(result.code).toBe(0);
    const out = result.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length);
    expect(out[0]).toMatchObject({ module: 'inMail', lang: 'en' });
    expect(Object.keys(out[0]).sort()).toEqual(['candidates', 'confidence', 'lang', 'module']);
    expect(out[0].confidence).toBeGreaterThan(0);
    expect(out[0].confidence).toBeLessThanOrEqual(1);
    expect(out[0].candidates[0]).toEqual({ module: 'inMail', score: expect.any(Number) });
    expect(out[3]).toMatchObject({ module: 'wfserver', lang: 'ko' });
    expect(out[5]).toMatchObject({ module: null, lang: 'en' });
    for (const i of [1, 2, 4, 6]) expect(Object.keys(out[i])).toEqual(['error']);
    // Punctuation alone holds no words: no answer, not a how-to question.
    expect(out[7]).toEqual({ error: 'text: no words' });
  });

  it('reads a first line after a byte-order mark, and skips a line far over the limit without holding it', async () => {
    const huge = `{"text": "${'a'.repeat(20 * MAX_INPUT_BYTES)}"}`;
    const result = await run(['classify', '--jsonl'], { input: `\uFEFF{"text": "mta is down"}\n${huge}\n{"text": "workflows stuck in Start in progress"}\n` });
    expect(result.code).toBe(0);
    const out = result.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toEqual([expect.objectContaining({ module: 'mta' }), { error: 'text: too long (over 1 MB)' }, expect.objectContaining({ module: 'wfserver' })]);
  });

  it('reads UTF-16 with a byte-order mark, as Windows PowerShell 5 writes a file, line by line', async () => {
    const text = '{"text": "mta is down"}\r\n{"text": "워크플로가 시작되지 않아요"}\r\n';
    const result = await run(['classify', '--jsonl'], { input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    expect(result.code).toBe(0);
    const out = result.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toEqual([expect.objectContaining({ module: 'mta' }), expect.objectContaining({ module: 'wfserver', lang: 'ko' })]);
  });

  it('exits 66 when stdin is a directory, instead of reading it as no input', async () => {
    const dir = openSync(scratch, 'r');
    try {
      const result = spawnSync(process.execPath, [BIN, 'classify', '--jsonl'], { cwd: scratch, stdio: [dir, 'pipe', 'pipe'], encoding: 'utf8' });
      expectOneLineError({ code: result.status, stdout: result.stdout, stderr: result.stderr }, 66, 'stdin is a directory');
    } finally {
      closeSync(dir);
    }
  });

  it('streams: answers a line before the next one is written', async () => {
    const child = spawn(process.execPath, [BIN, 'classify', '--jsonl'], { cwd: scratch, stdio: ['pipe', 'pipe', 'inherit'] });
    const lines: string[] = [];
    let pending = '';
    const next = (): Promise<string> =>
      new Promise((resolve) => {
        const check = (): void => {
          const line = lines.shift();
          if (line !== undefined) resolve(line);
          else child.stdout.once('data', check);
        };
        check();
      });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts);
    });
    child.stdin.write('{"text": "nlserver pdump says No tasks"}\n');
    expect(JSON.parse(await next())).toMatchObject({ module: 'watchdog' });
    child.stdin.write('{"text": "syslogd is not writing any log files"}\n');
    expect(JSON.parse(await next())).toMatchObject({ module: 'syslogd' });
    child.stdin.end();
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
  });
});

describe('campaign-module eval', { timeout: SPAWN_TIMEOUT_MS }, () => {
  // One line labelled wrongly on purpose ("No tasks" is always the watchdog), so there is a miss to show.
  const file = join(scratch, 'labelled.jsonl');
  writeFileSync(file, `${readFileSync(FIXTURE, 'utf8')}{"text": "nlserver pdump: No tasks", "expect": ["syslogd"], "lang": "en"}\n`);

  it('prints accuracy per language, abstention, top-3, a confusion matrix and the misses', async () => {
    const result = await run(['eval', file]);
    expect(result.code).toBe(0);
    for (const heading of ['Top-1 accuracy (on-topic)', 'Off-topic abstention', 'Top-3', 'Confusion matrix', 'Misses (']) {
      expect(result.stdout).toContain(heading);
    }
    expect(result.stdout).toMatch(/line 11 \[en\] expected syslogd, got watchdog/);
  });

  it('reads a labelled file saved as UTF-16 by a Windows editor', async () => {
    const wide = join(scratch, 'labelled-utf16.jsonl');
    writeFileSync(wide, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(file, 'utf8'), 'utf16le')]));
    const report = JSON.parse((await run(['eval', '--json', wide])).stdout);
    expect(report.cases).toBe(11);
    expect(report.top1ByLang.ko.total).toBe(3);
  });

  it('prints the same report as JSON with --json', async () => {
    const result = await run(['eval', '--json', file]);
    const report = JSON.parse(result.stdout);
    expect(report.cases).toBe(11);
    expect(report.top1ByLang.ko.total).toBe(3);
    expect(report.misses.some((m: { line: number }) => m.line === 11)).toBe(true);
  });

  it('refuses a malformed labelled file with file and line', async () => {
    const bad = join(scratch, 'bad.jsonl');
    writeFileSync(bad, '{"text": "a", "expect": ["mta"], "lang": "en"}\n{"text": "b", "expect": ["mtaa"], "lang": "en"}\n');
    expectOneLineError(await run(['eval', bad]), 65, /bad\.jsonl:2: expect\[0\]: unknown module "mtaa"/);
  });
});

describe('campaign-module list and kb check', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('lists the eleven modules with their scope', async () => {
    const result = await run(['list']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(LABELS.en.listTitle);
    expect(lines.slice(1).map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'export',
      'import',
      'inMail',
      'mta',
      'stat',
      'syslogd',
      'tracking',
      'trackinglogd',
      'watchdog',
      'web',
      'wfserver',
    ]);
  });

  it('kb check says OK with counts for the real knowledge', async () => {
    const result = await run(['kb', 'check']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^OK .*knowledge: 11 modules, \d+ remediation steps, \d+ commands, \d+ English and \d+ Korean examples \(and \d+ Japanese, \d+ German, \d+ French\)/,
    );
  });

  it('kb check names file, field and problem for a broken knowledge file, exit 1', async () => {
    const dir = join(scratch, 'broken', 'knowledge');
    cpSync(join(ROOT, 'knowledge'), dir, { recursive: true });
    const data = parse(readFileSync(join(dir, 'mta.yaml'), 'utf8'));
    data.remediation.ko[2] = 42;
    writeFileSync(join(dir, 'mta.yaml'), stringify(data));
    const result = await run(['kb', 'check', '--knowledge', dir]);
    expectOneLineError(result, 1, 'campaign-module: knowledge/mta.yaml: remediation.ko[2]: expected string\n');
  });
});

describe('campaign-module usage', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('--help prints every command, exit 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['ask <text…>', 'classify --jsonl', 'eval [FILE]', 'list', 'kb check']) expect(result.stdout).toContain(command);
  });

  it.each([
    ['an unknown command', ['frobnicate'], 'unknown command "frobnicate"'],
    ['an unknown option', ['ask', '--colour', 'mta down'], 'unknown option --colour'],
    // Every other usage error is covered without a process in cli-args.test.ts.
  ])('%s → exit 64 and one line', async (_name, args, message) => {
    expectOneLineError(await run(args), 64, message);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs the CLI on a pseudo-terminal through util-linux `script`, typing `input`. */
function runOnTerminal(input: string, env: Record<string, string> = {}): Run {
  // Node turns colour off when CI is set or TERM is missing, as on the CI machine: give it a plain colour terminal.
  const { CI: _ci, NO_COLOR: _noColor, FORCE_COLOR: _force, ...inherited } = process.env;
  const result = spawnSync('script', ['-qec', `${process.execPath} ${BIN}`, '/dev/null'], {
    cwd: scratch,
    input,
    encoding: 'utf8',
    env: { ...inherited, TERM: 'xterm-256color', ...env },
    timeout: SPAWN_TIMEOUT_MS,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!hasScript)('campaign-module on a terminal', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('with no arguments runs a prompt that answers in colour and quits on exit', () => {
    const result = runOnTerminal('emails stopped going out\nexit\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('campaign-module> ');
    expect(result.stdout).toContain(`${LABELS.en.likelyModule}: `);
    expect(result.stdout).toMatch(ANSI_COLOUR);
  });

  it('uses no colour when NO_COLOR is set', () => {
    const result = runOnTerminal('mta\nexit\n', { NO_COLOR: '1' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('mta@<instance>');
    expect(result.stdout).not.toMatch(/\u001B\[(?:[0-9;]*;)?3[0-7]m|\u001B\[1m/);
  });
});
