import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkTeamsIcons } from '../../scripts/check-teams-icons.js';
import { packageTeamsApp } from '../../scripts/package-teams.js';
import { SPAWN_TIMEOUT_MS } from '../wait.js';

const run = promisify(execFile);
const ROOT = resolve('.');
const SCRIPT = join(ROOT, 'scripts', 'package-teams.ts');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs');
const APP_ID = '6f1c2b4e-93b1-4c4e-9d52-0c8f1e7a2b10';

let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'cmb-package-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Runs the real script from an empty directory (no .env) with only the given variables. */
async function packageCli(env: Record<string, string>, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const { MicrosoftAppId: _ignored, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', TSX, SCRIPT, ...args], { cwd: work, env: { ...inherited, ...env }, timeout: SPAWN_TIMEOUT_MS });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function offlineSchema(version: string): object {
  const dir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
  return JSON.parse(readFileSync(join(dir, 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8')) as object;
}

function appCopy(edit: (manifest: Record<string, any>) => void): string {
  const dir = join(work, 'appPackage');
  cpSync(join(ROOT, 'appPackage'), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, any>;
  edit(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('npm run package:teams', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('writes a zip whose manifest carries the bot id and validates against the official schema', async () => {
    const out = join(work, 'out', 'app.zip');
    const result = await packageCli({ MicrosoftAppId: APP_ID }, ['--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(out);

    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifestText = await zip.file('manifest.json')?.async('string');
    const manifest = JSON.parse(manifestText ?? '{}');
    expect(manifestText).not.toContain('{{');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(manifest.bots[0].scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual(['help', 'list']);
    expect(await AppManifestUtils.validateAgainstSchema(manifest, offlineSchema(manifest.manifestVersion) as never)).toEqual([]);

    const color = await zip.file('color.png')?.async('uint8array');
    const outline = await zip.file('outline.png')?.async('uint8array');
    if (!color || !outline) throw new Error('icons missing');
    expect(PNG.sync.read(Buffer.from(color))).toMatchObject({ width: 192, height: 192 });
    expect(PNG.sync.read(Buffer.from(outline))).toMatchObject({ width: 32, height: 32 });
    expect(checkTeamsIcons(color, outline)).toEqual([]);
  });

  it('reads MicrosoftAppId from .env in the working directory', async () => {
    writeFileSync(join(work, '.env'), `MicrosoftAppId=${APP_ID}\n`);
    const out = join(work, 'from-dotenv.zip');
    expect((await packageCli({}, ['--out', out])).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('exits non-zero and writes nothing without an app id', async () => {
    const out = join(work, 'never.zip');
    const result = await packageCli({}, ['--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('MicrosoftAppId: not set');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects an app id that is not a GUID', async () => {
    const result = await packageCli({ MicrosoftAppId: 'my-bot' }, ['--out', join(work, 'x.zip')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('MicrosoftAppId: expected a GUID');
  });
});

describe('packageTeamsApp validation', () => {
  it('reports schema errors by path and writes no zip', async () => {
    const appDir = appCopy((m) => {
      m.description.short = 'x'.repeat(120);
      m.bots[0].scopes = ['everyone'];
    });
    const outFile = join(work, 'bad.zip');
    const result = await packageTeamsApp({ appId: APP_ID, appDir, outFile });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.some((e) => e.includes('/description/short'))).toBe(true);
    expect(errors.some((e) => e.includes('/bots/0/scopes/0'))).toBe(true);
    expect(existsSync(outFile)).toBe(false);
  });

  it('reports a placeholder left without a value', async () => {
    const appDir = appCopy((m) => {
      m.developer.websiteUrl = 'https://{{WebsiteHost}}/';
    });
    const result = await packageTeamsApp({ appId: APP_ID, appDir, outFile: join(work, 'x.zip') });
    expect(result).toEqual({ ok: false, errors: ['manifest.json: placeholder {{WebsiteHost}} has no value'] });
  });

  it('rejects icons of the wrong size or an outline that is not white on transparent', () => {
    const solid = (size: number, rgba: number[]) => {
      const image = new PNG({ width: size, height: size });
      image.data.set(Uint8Array.from({ length: size * size * 4 }, (_, i) => rgba[i % 4] ?? 0));
      return PNG.sync.write(image);
    };
    const color = readFileSync(join(ROOT, 'appPackage', 'color.png'));
    const outline = readFileSync(join(ROOT, 'appPackage', 'outline.png'));
    expect(checkTeamsIcons(outline, outline)).toEqual(['color.png: expected 192×192, got 32×32']);
    expect(checkTeamsIcons(color, solid(32, [31, 95, 168, 255]))).toEqual(['outline.png: every visible pixel must be white (Teams tints the outline icon)']);
    expect(checkTeamsIcons(color, solid(32, [255, 255, 255, 255]))).toEqual(['outline.png: needs a transparent background']);
    expect(checkTeamsIcons(color, Buffer.from('not a png'))).toEqual(['outline.png: not a PNG file']);
  });
});
