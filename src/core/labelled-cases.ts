import { LANGS, MODULE_IDS } from './types.js';
import type { Lang, ModuleId, NoModuleReason } from './types.js';

/** One line of a labelled set: a symptom report and the modules that would be a right answer. */
export interface LabelledCase {
  text: string;
  /** Acceptable modules; empty means the text is off-topic and the right answer is to abstain. */
  expect: ModuleId[];
  lang: Lang;
  /** Optional group the case belongs to (e.g. `listing`, `long-log`), to report figures per kind of message. */
  section?: string;
  /** Optional, with `expect: []`: why no module is right (`howto`, `outside`, `off-topic`). */
  reason?: Exclude<NoModuleReason, 'unsure'>;
  /** Optional: the Campaign instance the text names, which every command on the card must use. */
  instance?: string;
  /** 1-based line number in the source file, so a miss can be found again. */
  line: number;
}

/** A labelled JSONL file that cannot be used; the message names file and line. */
export class LabelledCaseError extends Error {
  readonly code = 'LABELLED_CASE_INVALID';
  override readonly name = 'LabelledCaseError';
}

const MODULES: ReadonlySet<string> = new Set(MODULE_IDS);

function isModuleId(value: unknown): value is ModuleId {
  return typeof value === 'string' && MODULES.has(value);
}

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

function parseLine(raw: string, where: string, line: number): LabelledCase {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new LabelledCaseError(`${where}: not valid JSON (${why})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LabelledCaseError(`${where}: expected a JSON object`);
  }
  const record = value as Record<string, unknown>;
  const { text, expect, lang } = record;
  if (typeof text !== 'string' || text.trim() === '') {
    throw new LabelledCaseError(`${where}: text: expected a non-empty string`);
  }
  if (!Array.isArray(expect)) {
    throw new LabelledCaseError(`${where}: expect: expected an array of module ids ([] for off-topic)`);
  }
  const modules: ModuleId[] = [];
  for (const [index, id] of expect.entries()) {
    if (!isModuleId(id)) {
      throw new LabelledCaseError(`${where}: expect[${index}]: unknown module ${JSON.stringify(id)} (expected one of ${MODULE_IDS.join(', ')})`);
    }
    modules.push(id);
  }
  if (!isLang(lang)) {
    const got = lang === undefined ? 'missing' : `got ${JSON.stringify(lang)}`;
    throw new LabelledCaseError(`${where}: lang: expected one of ${LANGS.map((l) => `"${l}"`).join(', ')}, ${got}`);
  }
  const { section, instance, reason } = record;
  if (reason !== undefined && reason !== 'howto' && reason !== 'outside' && reason !== 'off-topic') {
    throw new LabelledCaseError(`${where}: reason: expected "howto", "outside" or "off-topic", got ${JSON.stringify(reason)}`);
  }
  if (reason !== undefined && modules.length > 0) throw new LabelledCaseError(`${where}: reason: only for expect [] (no module is right)`);
  if (section !== undefined && typeof section !== 'string') throw new LabelledCaseError(`${where}: section: expected a string`);
  if (instance !== undefined && typeof instance !== 'string') throw new LabelledCaseError(`${where}: instance: expected a string`);
  return { text, expect: modules, lang, line, ...(section !== undefined && { section }), ...(instance !== undefined && { instance }), ...(reason !== undefined && { reason }) };
}

/** Parses labelled JSONL (`{"text", "expect", "lang"}` per line); blank lines are skipped. */
export function parseLabelledJsonl(text: string, file: string): LabelledCase[] {
  const cases: LabelledCase[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    cases.push(parseLine(raw, `${file}:${index + 1}`, index + 1));
  }
  if (cases.length === 0) {
    throw new LabelledCaseError(`${file}: no labelled cases (expected one JSON object per line)`);
  }
  return cases;
}
