import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { KnowledgeError, loadKnowledge } from '../../src/core/knowledge.js';
import { MODULE_IDS } from '../../src/core/types.js';

const REPO_KNOWLEDGE = join(import.meta.dirname, '../../knowledge');
const dirs: string[] = [];

function copyKnowledge(): string {
  const parent = mkdtempSync(join(tmpdir(), 'kb-'));
  const dir = join(parent, 'knowledge');
  cpSync(REPO_KNOWLEDGE, dir, { recursive: true });
  dirs.push(parent);
  return dir;
}

function editModule(dir: string, id: string, edit: (data: Record<string, any>) => void): void {
  const path = join(dir, `${id}.yaml`);
  const data = parse(readFileSync(path, 'utf8'));
  edit(data);
  writeFileSync(path, stringify(data));
}

function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error('expected loadKnowledge to throw');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadKnowledge', () => {
  it('loads all eleven modules of the repository with enough examples', () => {
    const knowledge = loadKnowledge(REPO_KNOWLEDGE);
    expect(knowledge.modules.map((m) => m.id)).toEqual([...MODULE_IDS]);
    for (const entry of knowledge.modules) {
      expect(entry.examples.en.length, `${entry.id} en`).toBeGreaterThanOrEqual(30);
      expect(entry.examples.ko.length, `${entry.id} ko`).toBeGreaterThanOrEqual(20);
      expect(entry.remediation.en.length).toBe(entry.remediation.ko.length);
    }
    expect(knowledge.offTopic.en.length).toBeGreaterThan(20);
    expect(knowledge.byId.get('mta')?.related).toContain('stat');
    expect(knowledge.sharedSymptoms.map((p) => p.modules)).toContainEqual(['mta', 'stat']);
    expect(knowledge.glossary.length).toBeGreaterThan(10);
  });

  it.each<[string, (dir: string) => void, string]>([
    ['a number where a step should be', (d) => editModule(d, 'mta', (m) => (m.remediation.ko[2] = 42)), 'knowledge/mta.yaml: remediation.ko[2]: expected string'],
    ['a missing field', (d) => editModule(d, 'web', (m) => delete m.scope), 'knowledge/web.yaml: scope: missing (expected object)'],
    ['an unknown type', (d) => editModule(d, 'stat', (m) => (m.type = 'single')), 'knowledge/stat.yaml: type: expected one of "mono", "multi", "utility"'],
    ['an id that is not the file name', (d) => editModule(d, 'import', (m) => (m.id = 'export')), 'knowledge/import.yaml: id: "export" does not match the file name (expected "import")'],
    ['steps that differ between languages', (d) => editModule(d, 'syslogd', (m) => m.remediation.ko.pop()), 'knowledge/syslogd.yaml: remediation: en has'],
    ['an unknown related module', (d) => editModule(d, 'mta', (m) => (m.related = ['smtp'])), 'knowledge/mta.yaml: related[0]: expected one of'],
    ['a plain-http doc link', (d) => editModule(d, 'web', (m) => (m.docs[0].url = 'http://example.com')), 'knowledge/web.yaml: docs[0].url: expected an https URL'],
    ['a misspelt field', (d) => editModule(d, 'web', (m) => (m.exemples = m.examples)), 'knowledge/web.yaml: (top level): unknown field(s) exemples'],
    ['broken YAML', (d) => writeFileSync(join(d, 'wfserver.yaml'), 'id: wfserver\ntype: [mono\n'), 'knowledge/wfserver.yaml: line '],
    ['a missing module file', (d) => rmSync(join(d, 'watchdog.yaml')), 'knowledge/watchdog.yaml: file is missing'],
    ['a stray file', (d) => writeFileSync(join(d, 'smtp.yaml'), 'id: smtp\n'), 'knowledge/smtp.yaml: unknown module "smtp"'],
    ['a pair naming one module twice', (d) => writeFileSync(join(d, 'shared-symptoms.yaml'), 'pairs:\n  - modules: [mta, mta]\n    examples: { en: [a, b, c], ko: [가, 나, 다] }\n'), 'knowledge/shared-symptoms.yaml: pairs[0].modules: the two modules must differ'],
    ['a glossary concept with a bad name', (d) => writeFileSync(join(d, 'glossary.yaml'), 'concepts:\n  Bounce Mail: [bounce]\n'), 'knowledge/glossary.yaml: concepts.Bounce Mail: concept names are lower-case words joined by hyphens'],
  ])('reports %s with file, field and problem', (_name, breakIt, message) => {
    const dir = copyKnowledge();
    breakIt(dir);
    const error = loadError(dir);
    expect(error.code).toBe('KNOWLEDGE_INVALID');
    expect(error.message.startsWith(message), error.message).toBe(true);
  });
});
