import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  glossaryFileSchema,
  howToFileSchema,
  MAX_ALIAS_COUNT,
  type ModuleFile,
  moduleFileSchema,
  offTopicFileSchema,
  outsideFileSchema,
  sharedSymptomsFileSchema,
} from './knowledge-schema.js';
import { utf16Encoding } from './byte-order-mark.js';
import { KnowledgeError, knowledgeFiles, MAX_FILE_BYTES, YAML_EXTENSION } from './knowledge-files.js';
import { allExamples, moduleInAllLanguages, topicInAllLanguages } from './knowledge-languages.js';
import { MODULE_IDS, type Knowledge, type ModuleEntry, type ModuleId } from './types.js';

export { KnowledgeError };

const OFF_TOPIC_FILE = 'off-topic.yaml';
const GLOSSARY_FILE = 'glossary.yaml';
const SHARED_FILE = 'shared-symptoms.yaml';
const HOWTO_FILE = 'howto.yaml';
const OUTSIDE_FILE = 'outside.yaml';
const DATA_FILES = [OFF_TOPIC_FILE, GLOSSARY_FILE, SHARED_FILE, HOWTO_FILE, OUTSIDE_FILE];

/** Loads and validates every file in the knowledge directory; throws KnowledgeError on the first problem. */
export function loadKnowledge(dir: string): Knowledge {
  const label = basename(dir);
  const files = knowledgeFiles(dir);
  const known = [...MODULE_IDS, ...DATA_FILES.map((f) => f.replace(YAML_EXTENSION, ''))] as string[];
  const fileFor = new Map<string, string>();
  for (const file of files) {
    const stem = file.replace(YAML_EXTENSION, '');
    const other = fileFor.get(stem);
    // Two files for one module would leave one of them unread, however wrong it is.
    if (other) throw new KnowledgeError(`${label}/${file}`, '', `${label}/${other} describes the same thing: keep only one of the two files`);
    if (!known.includes(stem)) {
      throw new KnowledgeError(`${label}/${file}`, '', `unknown module "${stem}" (expected one of ${MODULE_IDS.join(', ')}, or ${DATA_FILES.join(', ')})`);
    }
    fileFor.set(stem, file);
  }
  const modules: ModuleEntry[] = [];
  for (const id of MODULE_IDS) {
    const file = fileFor.get(id);
    if (!file) throw new KnowledgeError(`${label}/${id}.yaml`, '', 'file is missing');
    modules.push(readModule(join(dir, file), `${label}/${file}`));
  }
  checkNamesUnique(modules);
  // Without off-topic.yaml every lunch invitation would get a card: each data file is as required as a module's.
  const required = <S extends z.ZodType>(name: string, schema: S): z.infer<S> => {
    const file = fileFor.get(name.replace(YAML_EXTENSION, ''));
    if (!file) throw new KnowledgeError(`${label}/${name}`, '', 'file is missing');
    return validate(readYaml(join(dir, file), `${label}/${file}`), schema, `${label}/${file}`);
  };
  const offTopicFile = required(OFF_TOPIC_FILE, offTopicFileSchema);
  const glossaryFile = required(GLOSSARY_FILE, glossaryFileSchema);
  const sharedFile = required(SHARED_FILE, sharedSymptomsFileSchema);
  const howToFile = required(HOWTO_FILE, howToFileSchema);
  const outsideFile = required(OUTSIDE_FILE, outsideFileSchema);
  outsideFile.topics.forEach((topic, i) => {
    if (outsideFile.topics.findIndex((t) => t.id === topic.id) !== i)
      throw new KnowledgeError(`${label}/${fileFor.get('outside')}`, `topics[${i}].id`, `"${topic.id}" is used twice`);
  });
  return {
    modules,
    byId: new Map(modules.map((m) => [m.id, m])),
    offTopic: allExamples(offTopicFile.examples),
    howTo: allExamples(howToFile.examples),
    outside: outsideFile.topics.map((topic, i) => topicInAllLanguages(topic, i, `${label}/${fileFor.get('outside')}`)),
    glossary: Object.entries(glossaryFile.concepts).map(([name, terms]) => ({ name, terms })),
    sharedSymptoms: sharedFile.pairs.map((pair) => ({ ...pair, examples: allExamples(pair.examples) })),
  };
}

function readModule(path: string, label: string): ModuleEntry {
  const data = validate(readYaml(path, label), moduleFileSchema, label);
  const expectedId = basename(path).replace(YAML_EXTENSION, '');
  if (data.id !== expectedId) throw new KnowledgeError(label, 'id', `"${data.id}" does not match the file name (expected "${expectedId}")`);
  if (data.remediation.en.length !== data.remediation.ko.length) {
    throw new KnowledgeError(label, 'remediation', `en has ${data.remediation.en.length} steps but ko has ${data.remediation.ko.length}`);
  }
  data.related.forEach((related: ModuleId, i) => {
    if (related === data.id) throw new KnowledgeError(label, `related[${i}]`, 'a module cannot be related to itself');
  });
  checkInstances(data, label);
  return { ...moduleInAllLanguages(data, label), file: label };
}

// "{Instance}", "{instanse}", "{instance_name}": a placeholder the card would show as written.
const PLACEHOLDER_LIKE = /\{\s*\w*inst\w*\s*\}/gi;
// Other templates' spellings: "${instance}" would show as "$prod", "{{instance}}" as "{prod}", "<instance>" as written.
const OTHER_TEMPLATE = /\$\{\s*\w*inst\w*\s*\}|\{\{\s*\w*inst\w*\s*\}\}|<\s*\w*inst\w*\s*>/i;
// "-instance:prod" fixes the instance as surely as "mta@prod" does.
const FIXED_FLAG = /-instance:(?!\{instance\})[\w-]+/i;
// Stopping, restarting, killing, deleting or tracing in the foreground costs something: the card must say what.
const DISRUPTIVE = /\s(?:restart|stop)\b|\bkill\b|\brm\s|-tracefilter|\bshutdown\b/;
const HARD_CODED = new RegExp(`\\b(?:${MODULE_IDS.join('|')})@(?!\\{instance\\}|default\\b)[A-Za-z0-9_-]+`, 'i');

/**
 * What a card fills in for the asker's instance: every command, log path and step writes `{instance}`, never a
 * misspelling of it (shown as written) nor a fixed instance (`mta@prod` would restart prod whatever the asker named).
 */
function checkInstances(data: ModuleFile, label: string): void {
  const localized = (field: string, text: Partial<Record<string, string>> | undefined) =>
    Object.entries(text ?? {}).flatMap(([lang, value]) => (value === undefined ? [] : [{ field: `${field}.${lang}`, text: value }]));
  const texts = [
    ...data.commands.flatMap((c, i) => [
      { field: `commands[${i}].run`, text: c.run },
      ...localized(`commands[${i}].why`, c.why),
      ...localized(`commands[${i}].caution`, c.caution),
    ]),
    ...data.logs.map((log, i) => ({ field: `logs[${i}]`, text: log })),
    ...Object.entries(data.remediation).flatMap(([lang, steps]) => (steps ?? []).map((step, i) => ({ field: `remediation.${lang}[${i}]`, text: step }))),
  ];
  for (const { field, text } of texts) {
    const other = OTHER_TEMPLATE.exec(text);
    if (other) throw new KnowledgeError(label, field, `"${other[0]}" is not filled in: write {instance}`);
    const misspelt = text.match(PLACEHOLDER_LIKE)?.find((placeholder) => placeholder !== '{instance}');
    if (misspelt) throw new KnowledgeError(label, field, `"${misspelt}" is not filled in: write {instance}`);
    const fixed = HARD_CODED.exec(text) ?? FIXED_FLAG.exec(text);
    if (fixed) throw new KnowledgeError(label, field, `"${fixed[0]}" names one instance: write ${fixed[0].replace(/(@|:).*/, '$1{instance}')} so the card uses the asker's`);
  }
  data.commands.forEach((command, i) => {
    if (DISRUPTIVE.test(command.run) && !command.caution) {
      throw new KnowledgeError(
        label,
        `commands[${i}].caution`,
        'missing: this command stops, restarts, kills, deletes or traces in the foreground; say what it costs and how to get back',
      );
    }
    // A mono-instance module runs once per instance: "nlserver restart mta" names none of them.
    const bare = new RegExp(`\\bnlserver\\s+(?:start|stop|restart)\\s+${data.id}\\b(?!@)`, 'i').exec(command.run);
    if (data.type === 'mono' && bare) throw new KnowledgeError(label, `commands[${i}].run`, `"${bare[0]}" names no instance: write ${bare[0]}@{instance}`);
  });
}

/** A name that two modules claim would open the first one's card for both. */
function checkNamesUnique(modules: readonly ModuleEntry[]): void {
  const owner = new Map<string, ModuleId>(modules.map((m) => [m.id.toLowerCase(), m.id]));
  for (const module of modules) {
    module.aliases.forEach((alias, i) => {
      const key = alias.toLowerCase();
      const other = owner.get(key);
      if (other && other !== module.id) throw new KnowledgeError(module.file, `aliases[${i}]`, `"${alias}" already names ${other}`);
      owner.set(key, module.id);
    });
  }
}

function readYaml(path: string, label: string): unknown {
  let source: string;
  try {
    // Size first: a runaway file must be refused before it is read, let alone parsed.
    const { size } = statSync(path);
    if (size > MAX_FILE_BYTES) {
      throw new KnowledgeError(label, '', `file is ${(size / 1024 / 1024).toFixed(1)} MB, the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    }
    source = textOf(readFileSync(path), label);
  } catch (error) {
    if (error instanceof KnowledgeError) throw error;
    throw new KnowledgeError(label, '', 'file cannot be read');
  }
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const { line, col } = error.linePos?.[0] ?? positionOf(source, error.pos[0]);
    const where = `line ${line}, column ${col}`;
    throw new KnowledgeError(label, where, `invalid YAML: ${error.message.split('\n')[0]}`);
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias count/i.test(message)) {
      throw new KnowledgeError(label, '', `YAML aliases expand to too many copies (the limit is ${MAX_ALIAS_COUNT}): write the text out instead`);
    }
    throw new KnowledgeError(label, '', `invalid YAML: ${message.split('\n')[0]}`);
  }
}

/** The file's text; an editor's other encodings (UTF-16, CP949, Latin-1) would turn Korean or accents into junk on the cards. */
function textOf(bytes: Buffer, label: string): string {
  if (utf16Encoding(bytes)) throw new KnowledgeError(label, '', 'saved as UTF-16: save it as UTF-8');
  if (bytes.toString('utf8').trim() === '') throw new KnowledgeError(label, '', 'file is empty');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = bytes.toString('utf8');
    const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length;
    throw new KnowledgeError(label, `line ${line}`, 'not valid UTF-8 (saved as CP949, EUC-KR or Latin-1?): save it as UTF-8');
  }
}

function positionOf(source: string, offset: number): { line: number; col: number } {
  const before = source.slice(0, Math.min(offset, source.length)).split('\n');
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}

function validate<S extends z.ZodType>(data: unknown, schema: S, label: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  // "relatd:" is first a missing "related": the unknown field says what to fix.
  const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0];
  if (!issue) throw new KnowledgeError(label, '', 'invalid content');
  throw new KnowledgeError(label, formatPath(issue.path), describeIssue(issue, data));
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(top level)';
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(data, issue.path);
      if (value === undefined) return `missing (expected ${issue.expected})`;
      // - Note: check the port   ← YAML reads "key: value" in unquoted text as a map.
      if (issue.expected === 'string' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        return 'expected string (unquoted text with ": " in it reads as a field: put the text in quotes)';
      }
      return `expected ${issue.expected}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.join(', ')}`;
    case 'too_big': {
      const value = valueAt(data, issue.path);
      if (typeof value === 'string') return `${value.trim().length} characters, the limit is ${issue.maximum}`;
      if (Array.isArray(value)) return `${value.length} entries, the limit is ${issue.maximum}`;
      return issue.message;
    }
    case 'invalid_key':
      return issue.issues[0]?.message ?? issue.message;
    default:
      return issue.message;
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
