import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeFiles, MAX_FILE_BYTES } from './knowledge-files.js';
import type { ModelStamp } from './model-file.js';
import { PACKAGE_ROOT } from '../package-root.js';

/** The matcher's sources, found alike from src/core (tests) and from the build in dist/core. */
const CORE_SOURCES = join(PACKAGE_ROOT, 'src/core');

/** The stamp a model built now from `dir` would carry; undefined when the directory cannot be read (loading it will say why). */
export function currentStamp(dir: string): ModelStamp | undefined {
  try {
    return { knowledge: knowledgeHash(dir), code: matcherCodeHash() };
  } catch {
    return undefined;
  }
}

/** True when a model with stamp `built` may answer for knowledge and code stamped `now`. */
export function stampMatches(built: ModelStamp, now: ModelStamp): boolean {
  // Installed without its sources, the code is the build's own: only the knowledge can have changed.
  return built.knowledge === now.knowledge && (now.code === '' || built.code === now.code);
}

/** Names, sizes and contents of the YAML files; one over the size limit counts by its size, since loading refuses it anyway. */
function knowledgeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of knowledgeFiles(dir)) {
    const path = join(dir, file);
    const { size } = statSync(path);
    hash.update(`${file}\0${size}\0`);
    if (size <= MAX_FILE_BYTES) hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

/** natural's stemmers make the features, so another version of it needs another model too. */
const NATURAL_MANIFEST = join(PACKAGE_ROOT, 'node_modules/natural/package.json');

/** The sources of src/core and the installed natural, or '' where only the build is installed. */
function matcherCodeHash(): string {
  if (!existsSync(CORE_SOURCES)) return '';
  const hash = createHash('sha256');
  for (const file of readdirSync(CORE_SOURCES).sort()) {
    if (file.endsWith('.ts')) hash.update(`${file}\0`).update(readFileSync(join(CORE_SOURCES, file)));
  }
  if (existsSync(NATURAL_MANIFEST)) hash.update(`natural@${(JSON.parse(readFileSync(NATURAL_MANIFEST, 'utf8')) as { version: string }).version}`);
  return hash.digest('hex');
}
