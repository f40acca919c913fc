import { copyFileSync, cpSync, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { KnowledgeError, loadKnowledge } from '../../src/core/knowledge.js';
import { MAX_EXAMPLES, MAX_TEXT_CHARS } from '../../src/core/knowledge-schema.js';
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

/** A "billion laughs" document: each level repeats the previous one nine times. */
function aliasBomb(): string {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `concepts:\n  bomb: [x]\n${levels.join('\n')}\n`;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadKnowledge', () => {
  it('shows a language a module leaves out entirely in English, and still learns its examples', () => {
    const dir = copyKnowledge();
    editModule(dir, 'stat', (m) => {
      for (const field of ['name', 'scope', 'summary', 'remediation']) delete m[field].ja;
      for (const command of m.commands) {
        delete command.why.ja;
        if (command.caution) delete command.caution.ja;
      }
      for (const doc of m.docs) delete doc.title.ja;
    });
    const stat = loadKnowledge(dir).byId.get('stat');
    expect(stat?.summary.ja).toBe(stat?.summary.en);
    expect(stat?.remediation.ja).toEqual(stat?.remediation.en);
    expect(stat?.examples.ja.length).toBeGreaterThan(20);
  });

  it('loads all eleven modules of the repository with enough examples', () => {
    const knowledge = loadKnowledge(REPO_KNOWLEDGE);
    expect(knowledge.modules.map((m) => m.id)).toEqual([...MODULE_IDS]);
    for (const entry of knowledge.modules) {
      expect(entry.examples.en.length, `${entry.id} en`).toBeGreaterThanOrEqual(30);
      expect(entry.examples.ko.length, `${entry.id} ko`).toBeGreaterThanOrEqual(20);
      for (const lang of ['ja', 'de', 'fr'] as const) {
        expect(entry.examples[lang].length, `${entry.id} ${lang}`).toBeGreaterThanOrEqual(20);
        expect(entry.remediation[lang].length).toBe(entry.remediation.en.length);
        expect(entry.summary[lang], `${entry.id} summary ${lang}`).not.toBe(entry.summary.en);
      }
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
    [
      'an id that is not the file name',
      (d) => editModule(d, 'import', (m) => (m.id = 'export')),
      'knowledge/import.yaml: id: "export" does not match the file name (expected "import")',
    ],
    ['steps that differ between languages', (d) => editModule(d, 'syslogd', (m) => m.remediation.ko.pop()), 'knowledge/syslogd.yaml: remediation: en has'],
    ['a missing Japanese translation of the steps', (d) => editModule(d, 'mta', (m) => delete m.remediation.ja), 'knowledge/mta.yaml: remediation.ja: missing (en has 7 steps)'],
    ['a German translation one step short', (d) => editModule(d, 'mta', (m) => m.remediation.de.pop()), 'knowledge/mta.yaml: remediation.de: has 6 steps, en has 7'],
    ['a French summary left out', (d) => editModule(d, 'wfserver', (m) => delete m.summary.fr), 'knowledge/wfserver.yaml: summary.fr: missing'],
    ['a command explained in every language but Japanese', (d) => editModule(d, 'web', (m) => delete m.commands[1].why.ja), 'knowledge/web.yaml: commands[1].why.ja: missing'],
    ['an unknown related module', (d) => editModule(d, 'mta', (m) => (m.related = ['smtp'])), 'knowledge/mta.yaml: related[0]: expected one of'],
    [
      'a misspelt instance placeholder in a command',
      (d) => editModule(d, 'mta', (m) => (m.commands[0].run = 'nlserver restart mta@{Instance}')),
      'knowledge/mta.yaml: commands[0].run: "{Instance}" is not filled in: write {instance}',
    ],
    [
      'a step that names one instance',
      (d) => editModule(d, 'wfserver', (m) => (m.remediation.ko[1] = 'nlserver restart wfserver@prod 를 실행합니다')),
      'knowledge/wfserver.yaml: remediation.ko[1]: "wfserver@prod" names one instance: write wfserver@{instance}',
    ],
    [
      'a shell-style placeholder in a command',
      (d) => editModule(d, 'stat', (m) => (m.commands[4].run = `nlserver restart stat@\${instance}`)),
      `knowledge/stat.yaml: commands[4].run: "\${instance}" is not filled in: write {instance}`,
    ],
    [
      'a double-brace placeholder in a command',
      (d) => editModule(d, 'stat', (m) => (m.commands[4].run = 'nlserver restart stat@{{instance}}')),
      'knowledge/stat.yaml: commands[4].run: "{{instance}}" is not filled in: write {instance}',
    ],
    [
      'an angle-bracket placeholder in a command',
      (d) => editModule(d, 'stat', (m) => (m.commands[4].run = 'nlserver restart stat@<instance>')),
      'knowledge/stat.yaml: commands[4].run: "<instance>" is not filled in: write {instance}',
    ],
    [
      'a fixed -instance: flag',
      (d) => editModule(d, 'mta', (m) => (m.commands[5].run = 'nlserver stop mta@{instance}; nlserver mta -instance:prod -tracefilter:*')),
      'knowledge/mta.yaml: commands[5].run: "-instance:prod" names one instance: write -instance:{instance}',
    ],
    [
      'a misspelt placeholder in what a command is for',
      (d) => editModule(d, 'stat', (m) => (m.commands[4].why.en = 'Restarts stat@{instnce}.')),
      'knowledge/stat.yaml: commands[4].why.en: "{instnce}" is not filled in: write {instance}',
    ],
    [
      'a restart without its caution',
      (d) => editModule(d, 'stat', (m) => delete m.commands[4].caution),
      'knowledge/stat.yaml: commands[4].caution: missing: this command stops, restarts, kills, deletes or traces',
    ],
    [
      'a mono-instance module restarted with no instance',
      (d) => editModule(d, 'stat', (m) => (m.commands[3].run = 'nlserver start stat')),
      'knowledge/stat.yaml: commands[3].run: "nlserver start stat" names no instance: write nlserver start stat@{instance}',
    ],
    [
      'a misspelt required field',
      (d) =>
        editModule(d, 'mta', (m) => {
          m.relatd = m.related;
          delete m.related;
        }),
      'knowledge/mta.yaml: (top level): unknown field(s) relatd',
    ],
    [
      'a step with an unquoted colon',
      (d) => writeFileSync(join(d, 'stat.yaml'), readFileSync(join(d, 'stat.yaml'), 'utf8').replace(/^(remediation:\n {2}en:\n {4}- )/m, '$1Note: check the port\n    - ')),
      'knowledge/stat.yaml: remediation.en[0]: expected string (unquoted text with ": " in it reads as a field: put the text in quotes)',
    ],
    ['a missing off-topic file', (d) => rmSync(join(d, 'off-topic.yaml')), 'knowledge/off-topic.yaml: file is missing'],
    ['a missing glossary', (d) => rmSync(join(d, 'glossary.yaml')), 'knowledge/glossary.yaml: file is missing'],
    ['an empty file', (d) => writeFileSync(join(d, 'howto.yaml'), '\n'), 'knowledge/howto.yaml: file is empty'],
    [
      'a file saved as UTF-16',
      (d) => writeFileSync(join(d, 'stat.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(d, 'stat.yaml'), 'utf8'), 'utf16le')])),
      'knowledge/stat.yaml: saved as UTF-16: save it as UTF-8',
    ],
    [
      'a file saved as CP949',
      (d) => writeFileSync(join(d, 'stat.yaml'), Buffer.concat([Buffer.from('id: stat\n# '), Buffer.from([0xb9, 0xdf, 0xbc, 0xdb]), Buffer.from('\n')])),
      'knowledge/stat.yaml: line 2: not valid UTF-8 (saved as CP949, EUC-KR or Latin-1?): save it as UTF-8',
    ],
    ['an alias that names another module', (d) => editModule(d, 'stat', (m) => m.aliases.push('MTA')), 'knowledge/stat.yaml: aliases['],
    ['a plain-http doc link', (d) => editModule(d, 'web', (m) => (m.docs[0].url = 'http://example.com')), 'knowledge/web.yaml: docs[0].url: expected an https URL'],
    ['a misspelt field', (d) => editModule(d, 'web', (m) => (m.exemples = m.examples)), 'knowledge/web.yaml: (top level): unknown field(s) exemples'],
    ['broken YAML', (d) => writeFileSync(join(d, 'wfserver.yaml'), 'id: wfserver\ntype: [mono\n'), 'knowledge/wfserver.yaml: line '],
    ['a missing module file', (d) => rmSync(join(d, 'watchdog.yaml')), 'knowledge/watchdog.yaml: file is missing'],
    ['a stray file', (d) => writeFileSync(join(d, 'smtp.yaml'), 'id: smtp\n'), 'knowledge/smtp.yaml: unknown module "smtp"'],
    [
      'a pair naming one module twice',
      (d) => writeFileSync(join(d, 'shared-symptoms.yaml'), 'pairs:\n  - modules: [mta, mta]\n    examples: { en: [a, b, c], ko: [가, 나, 다] }\n'),
      'knowledge/shared-symptoms.yaml: pairs[0].modules: the two modules must differ',
    ],
    [
      'a glossary concept with a bad name',
      (d) => writeFileSync(join(d, 'glossary.yaml'), 'concepts:\n  Bounce Mail: [bounce]\n'),
      'knowledge/glossary.yaml: concepts.Bounce Mail: concept names are lower-case words joined by hyphens',
    ],
    [
      'a command caution in one language only',
      (d) => editModule(d, 'web', (m) => (m.commands[0].caution = { en: 'Ends every session.' })),
      'knowledge/web.yaml: commands[0].caution.ko: missing (expected string)',
    ],
    [
      'an empty command caution',
      (d) => editModule(d, 'web', (m) => (m.commands[0].caution = { en: ' ', ko: '모든 세션이 끊깁니다.' })),
      'knowledge/web.yaml: commands[0].caution.en: must not be empty',
    ],
    [
      'a text over the length limit',
      (d) => editModule(d, 'mta', (m) => (m.examples.en[3] = 'x'.repeat(MAX_TEXT_CHARS + 1))),
      `knowledge/mta.yaml: examples.en[3]: ${MAX_TEXT_CHARS + 1} characters, the limit is ${MAX_TEXT_CHARS}`,
    ],
    [
      'an empty settings question',
      (d) => editModule(d, 'inMail', (m) => (m.questions = { en: ['how often is the bounce mailbox read?', ''], ko: [] })),
      'knowledge/inMail.yaml: questions.en[1]: must not be empty',
    ],
    [
      'settings questions without Korean',
      (d) => editModule(d, 'inMail', (m) => (m.questions = { en: ['how often is the bounce mailbox read?'] })),
      'knowledge/inMail.yaml: questions.ko: missing (expected array)',
    ],
    [
      'too many examples',
      (d) => editModule(d, 'stat', (m) => (m.examples.ko = Array.from({ length: MAX_EXAMPLES + 1 }, (_, i) => `통계 서버 문제 ${i}`))),
      `knowledge/stat.yaml: examples.ko: ${MAX_EXAMPLES + 1} entries, the limit is ${MAX_EXAMPLES}`,
    ],
    [
      'too many off-topic examples',
      (d) =>
        writeFileSync(
          join(d, 'off-topic.yaml'),
          stringify({ examples: { en: Array.from({ length: MAX_EXAMPLES + 1 }, (_, i) => `lunch ${i}`), ko: ['가', '나', '다', '라', '마'] } }),
        ),
      `knowledge/off-topic.yaml: examples.en: ${MAX_EXAMPLES + 1} entries, the limit is ${MAX_EXAMPLES}`,
    ],
    [
      'mta.yml beside mta.yaml, naming both',
      (d) => writeFileSync(join(d, 'mta.yml'), 'id: mta\n'),
      'knowledge/mta.yml: knowledge/mta.yaml describes the same thing: keep only one of the two files',
    ],
    [
      'a valid copy beside the original, naming both',
      (d) => copyFileSync(join(d, 'web.yaml'), join(d, 'web.yml')),
      'knowledge/web.yml: knowledge/web.yaml describes the same thing',
    ],
    ['an unknown .yml file', (d) => writeFileSync(join(d, 'smtp.yml'), 'id: smtp\n'), 'knowledge/smtp.yml: unknown module "smtp"'],
    ['an upper-case .YAML extension for an unknown name', (d) => writeFileSync(join(d, 'Notes.YAML'), 'a: 1\n'), 'knowledge/Notes.YAML: unknown module "Notes"'],
    [
      'a broken glossary.yml beside glossary.yaml',
      (d) => writeFileSync(join(d, 'glossary.yml'), 'concepts: [\n'),
      'knowledge/glossary.yml: knowledge/glossary.yaml describes the same thing',
    ],
    ['a YAML alias bomb', (d) => writeFileSync(join(d, 'glossary.yaml'), aliasBomb()), 'knowledge/glossary.yaml: YAML aliases expand to too many copies'],
  ])('reports %s with file, field and problem', (_name, breakIt, message) => {
    const dir = copyKnowledge();
    breakIt(dir);
    const error = loadError(dir);
    expect(error.code).toBe('KNOWLEDGE_INVALID');
    expect(error.message.startsWith(message), error.message).toBe(true);
  });

  it('refuses an oversized file by its size, before reading or parsing it', () => {
    const dir = copyKnowledge();
    truncateSync(join(dir, 'mta.yaml'), 62 * 1024 * 1024); // sparse: 62 MB on paper, nothing to write
    const started = performance.now();
    const error = loadError(dir);
    expect(error.message).toBe('knowledge/mta.yaml: file is 62.0 MB, the limit is 1 MB');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('reads a module written as <id>.yml when it is the only file for that module', () => {
    const dir = copyKnowledge();
    renameSync(join(dir, 'mta.yaml'), join(dir, 'mta.yml'));
    renameSync(join(dir, 'glossary.yaml'), join(dir, 'glossary.yml'));
    const knowledge = loadKnowledge(dir);
    expect(knowledge.byId.get('mta')?.file).toBe('knowledge/mta.yml');
    expect(knowledge.glossary.length).toBeGreaterThan(10);
  });

  it('keeps the cautions on disruptive commands, in both languages', () => {
    const knowledge = loadKnowledge(REPO_KNOWLEDGE);
    const caution = (id: string, run: RegExp) => knowledge.byId.get(id as never)?.commands.find((c) => run.test(c.run))?.caution;
    expect(caution('web', /^nlserver restart web$/)?.en).toMatch(/pdump -who/);
    expect(caution('mta', /-tracefilter/)?.en).toMatch(/Ctrl-C/);
    expect(caution('mta', /-tracefilter/)?.ko).toMatch(/Ctrl-C/);
    for (const entry of knowledge.modules) {
      for (const command of entry.commands) {
        if (/\b(restart|stop|shutdown|rm|sed -i)\b/.test(command.run)) expect(command.caution, `${entry.id}: ${command.run}`).toBeDefined();
      }
    }
  });
});
