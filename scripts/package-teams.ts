import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import dotenv from 'dotenv';
import JSZip from 'jszip';
import { checkTeamsIcons } from './check-teams-icons.js';

/**
 * `npm run package:teams`: fills the bot id into appPackage/manifest.json, validates it offline
 * against the official schema shipped in @microsoft/app-manifest, checks the icons, and writes the
 * zip to upload to Teams (dist/campaign-module-teams.zip unless `--out <file>` is given).
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = join(ROOT, 'dist', 'campaign-module-teams.zip');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PackageResult = { ok: true; file: string; bytes: number } | { ok: false; errors: string[] };

export interface PackageOptions {
  appId: string | undefined;
  appDir?: string;
  outFile?: string;
}

/** The schema of a manifest version, read from the package's own copy: no network. */
function localSchema(manifestVersion: string): object {
  const packageDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
  const file = join(packageDir, 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  return JSON.parse(readFileSync(file, 'utf8')) as object;
}

/** Fills `{{MicrosoftAppId}}`, validates manifest and icons, and writes the zip; returns every problem found. */
export async function packageTeamsApp(options: PackageOptions): Promise<PackageResult> {
  const appDir = options.appDir ?? join(ROOT, 'appPackage');
  const outFile = options.outFile ?? DEFAULT_OUT;
  const appId = options.appId?.trim();
  if (!appId) return { ok: false, errors: ["MicrosoftAppId: not set; put the Azure Bot's Microsoft App ID (a GUID) in the environment or .env"] };
  if (!GUID.test(appId)) return { ok: false, errors: [`MicrosoftAppId: expected a GUID like 00000000-0000-0000-0000-000000000000, got "${appId}"`] };

  const filled = readFileSync(join(appDir, 'manifest.json'), 'utf8').replaceAll('{{MicrosoftAppId}}', appId);
  const leftover = filled.match(/\{\{[^}]*\}\}/);
  if (leftover) return { ok: false, errors: [`manifest.json: placeholder ${leftover[0]} has no value`] };
  let manifest: { manifestVersion?: unknown };
  try {
    manifest = JSON.parse(filled) as { manifestVersion?: unknown };
  } catch (error) {
    return { ok: false, errors: [`manifest.json: not valid JSON (${(error as Error).message})`] };
  }
  if (typeof manifest.manifestVersion !== 'string') return { ok: false, errors: ['manifest.json: manifestVersion: missing'] };

  let schema: object;
  try {
    schema = localSchema(manifest.manifestVersion);
  } catch {
    return { ok: false, errors: [`manifest.json: manifestVersion: no offline schema for ${manifest.manifestVersion}`] };
  }
  type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
  type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest as Manifest, schema as Schema);
  const color = readFileSync(join(appDir, 'color.png'));
  const outline = readFileSync(join(appDir, 'outline.png'));
  const errors = [...schemaErrors.map((e) => `manifest.json: ${e.trim()}`), ...checkTeamsIcons(color, outline)];
  if (errors.length > 0) return { ok: false, errors };

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file('color.png', color);
  zip.file('outline.png', outline);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, bytes);
  return { ok: true, file: outFile, bytes: bytes.length };
}

function outArgument(argv: string[]): string | undefined {
  const at = argv.indexOf('--out');
  return at >= 0 ? argv[at + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // This script reads the environment itself: it only needs the app id, not a full server configuration.
  const fromFile: Record<string, string> = {};
  dotenv.config({ quiet: true, processEnv: fromFile });
  const out = outArgument(process.argv.slice(2));
  const result = await packageTeamsApp({ appId: process.env.MicrosoftAppId ?? fromFile.MicrosoftAppId, ...(out ? { outFile: resolve(out) } : {}) });
  if (result.ok) {
    console.log(`wrote ${result.file} (${result.bytes} bytes); upload it in Teams: Apps > Manage your apps > Upload an app`);
  } else {
    console.error(`package:teams: the app package is not valid:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exitCode = 1;
  }
}
