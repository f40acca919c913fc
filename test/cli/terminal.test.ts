import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import type { Reply } from '../../src/core/reply.js';
import type { Diagnosis, Lang, ModuleEntry, ModuleId } from '../../src/core/types.js';
import { docsUrl, labelled, LABELS } from '../../src/render/labels.js';
import { MAX_INPUT_LABEL } from '../../src/render/limits.js';
import stringWidth from 'string-width';
import { renderTerminal } from '../../src/cli/terminal.js';

const knowledge = loadKnowledge(join(import.meta.dirname, '../../knowledge'));
const ANSI = /\u001B\[[0-9;]*m/g;

function entry(id: ModuleId): ModuleEntry {
  const found = knowledge.byId.get(id);
  if (!found) throw new Error(`knowledge has no ${id}`);
  return found;
}

function diagnosisReply(lang: Lang, overrides: Partial<Diagnosis> = {}): Reply {
  const diagnosis: Diagnosis = {
    module: 'mta',
    confidence: 0.874,
    also: ['stat'],
    candidates: [
      { module: 'mta', score: 0.874 },
      { module: 'stat', score: 0.09 },
      { module: 'wfserver', score: 0.021 },
    ],
    evidence: ['stopped', 'emails'],
    lang,
    ...overrides,
  };
  return { kind: 'diagnosis', lang, diagnosis, query: 'emails stopped' };
}

const render = (reply: Reply, instance?: string, color = false): string => renderTerminal(reply, { knowledge, color, ...(instance && { instance }) });

describe('renderTerminal: diagnosis', () => {
  it.each(['en', 'ko'] as const)('shows module, confidence, scope, steps, commands, logs and docs in %s', (lang) => {
    const labels = LABELS[lang];
    const mta = entry('mta');
    const text = render(diagnosisReply(lang), 'prod');
    expect(text).toContain(`${labelled(labels.likelyModule, lang)} ${mta.name[lang]}`);
    expect(text).toContain(`${labels.confidence} 87%`);
    expect(text).toContain(`${labelled(labels.alsoCheck, lang)} ${entry('stat').name[lang]}`);
    expect(text).toContain(mta.scope[lang]);
    expect(text).toContain(labels.moduleType.mono);
    expect(text).toContain(mta.summary[lang].replaceAll('{instance}', 'prod'));
    mta.remediation[lang].forEach((step, i) => {
      expect(text).toContain(`${i + 1}. ${step.replaceAll('{instance}', 'prod')}`);
    });
    for (const command of mta.commands) expect(text).toContain(`\n  ${command.run.replaceAll('{instance}', 'prod')}\n`);
    for (const log of mta.logs) expect(text).toContain(log.replaceAll('{instance}', 'prod'));
    for (const doc of mta.docs) expect(text).toContain(docsUrl(doc.url, lang));
    expect(text).not.toContain('{instance}');
    expect(text).not.toContain(labels.instanceMissing.cli);
    expect(text).not.toMatch(ANSI);
  });

  it('names the runners-up not already named, and quotes the evidence once each', () => {
    const candidates = [
      { module: 'mta', score: 0.874 },
      { module: 'stat', score: 0.09 },
      { module: 'wfserver', score: 0.021 },
      { module: 'web', score: 0.001 },
    ] as const;
    const text = render(diagnosisReply('en', { candidates: [...candidates], evidence: ['stopped', 'emails', 'stopped'] }));
    const lines = text.split('\n');
    expect(lines).toContain(`${LABELS.en.otherCandidates}: wfserver 2%`);
    expect(lines).toContain(`${LABELS.en.evidence}: "stopped", "emails"`);
  });

  it('shows <instance> and says how to fill it when no instance is configured', () => {
    const text = render(diagnosisReply('en'));
    expect(text).toContain('nlserver restart mta@<instance>');
    expect(text).toContain(LABELS.en.instanceMissing.cli);
  });

  it('says nothing about the instance on a card none of whose commands, logs or steps uses one (import)', () => {
    const text = render(diagnosisReply('en', { module: 'import', also: [], candidates: [{ module: 'import', score: 0.9 }] }));
    expect(text).not.toContain(LABELS.en.instanceMissing.cli);
    expect(text).not.toContain('<instance>');
  });

  it('says no module matched when the triage abstains, without steps', () => {
    const text = render(diagnosisReply('ko', { module: null, also: [], confidence: 0.9, evidence: [] }));
    expect(text).toContain(LABELS.ko.notCampaignTitle);
    expect(text).toContain(LABELS.ko.notCampaign);
    expect(text).not.toContain(LABELS.ko.steps);
    expect(text).toContain(`${LABELS.ko.otherCandidates}: mta 87%`);
  });

  it('drops escape sequences a user pasted, so echoed text cannot repaint the terminal', () => {
    const text = render(diagnosisReply('en', { evidence: ['mta@prod \u001B[2J\u001B]0;owned\u0007 crashed'] }));
    expect(text).not.toContain('\u001B');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('mta@prod');
  });
});

describe('renderTerminal: colour', () => {
  it('colours only when asked, and the text underneath is the same apart from code-span backticks', () => {
    const coloured = render(diagnosisReply('en'), 'prod', true);
    const plain = render(diagnosisReply('en'), 'prod', false);
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(plain.replaceAll('`', ''));
  });
});

describe('renderTerminal: other replies', () => {
  it('renders a module card like a diagnosis without confidence', () => {
    const text = render({ kind: 'module', lang: 'en', module: entry('wfserver') }, 'prod');
    expect(text.split('\n')[0]).toContain(entry('wfserver').name.en);
    expect(text).toContain('wfserver@prod');
    expect(text).not.toContain(LABELS.en.confidence);
  });

  it.each(['en', 'ko'] as const)('lists every module on one line with its scope (%s)', (lang) => {
    const lines = render({ kind: 'list', lang, modules: knowledge.modules }).split('\n');
    expect(lines[0]).toBe(LABELS[lang].listTitle);
    expect(lines).toHaveLength(knowledge.modules.length + 1);
    knowledge.modules.forEach((m, i) => {
      expect(lines[i + 1]?.startsWith(`  ${m.id} `)).toBe(true);
      expect(lines[i + 1]?.endsWith(m.scope[lang])).toBe(true);
    });
  });

  it.each(['en', 'ko'] as const)('shows help with examples (%s)', (lang) => {
    const text = render({ kind: 'help', lang });
    expect(text).toContain(LABELS[lang].helpTitle);
    for (const example of LABELS[lang].helpExamples) expect(text).toContain(`• campaign-module ask "${example}"`);
  });

  it.each([
    ['empty', 'en', LABELS.en.empty],
    ['too-long', 'en', LABELS.en.tooLong(MAX_INPUT_LABEL)],
    ['no-text', 'ko', LABELS.ko.noText],
  ] as const)('explains an invalid message (%s, %s)', (reason, lang, message) => {
    expect(render({ kind: 'invalid', lang, reason })).toBe(message);
  });
});

describe('renderTerminal: wrapped to the terminal, wide characters counted as two columns', () => {
  const WIDTH = 60;
  const columns = (line: string): number => stringWidth(line);

  it.each(['ja', 'ko', 'de', 'en'] as const)('%s: prose fits the width, continuation lines align under their text, commands stay whole', (lang) => {
    const mta = entry('mta');
    const text = renderTerminal(
      { kind: 'module', lang, module: mta, instance: { name: 'prod', source: 'flag', others: [], unknown: false } },
      { knowledge, color: true, width: WIDTH },
    );
    const lines = text.split('\n').map((line) => line.replace(ANSI, ''));
    const commands = new Set(mta.commands.map((c) => `  ${c.run.replaceAll('{instance}', 'prod')}`));
    const urls = lines.filter((line) => line.trim().startsWith('https://'));
    for (const line of lines) if (!commands.has(line) && !urls.includes(line)) expect(columns(line), line).toBeLessThanOrEqual(WIDTH);
    for (const command of commands) expect(lines).toContain(command);
    // Every step's continuation lines start under the step's first word ("  1. " is five columns, plus the block's two).
    const steps = lines.slice(lines.indexOf(LABELS[lang].steps) + 1, lines.indexOf(LABELS[lang].commands) - 1);
    expect(steps.filter((line) => /^ {2}\s?\d\. /.test(line))).toHaveLength(mta.remediation[lang].length);
    expect(steps.every((line) => /^ {2}\s?\d\. \S|^ {6}\S/.test(line))).toBe(true);
    // A wrapped comment keeps its # on every line, so a pasted block never runs a sentence.
    const commandBlock = lines.slice(lines.indexOf(LABELS[lang].commands) + 1);
    const firstComment = commandBlock.findIndex((line) => line.startsWith('  # '));
    expect(commandBlock.slice(firstComment, firstComment + 3).every((line) => line.startsWith('  # ') || commands.has(line))).toBe(true);
  });

  it('leaves piped output unwrapped, one line per step', () => {
    const lines = renderTerminal({ kind: 'module', lang: 'ja', module: entry('mta') }, { knowledge, color: false }).split('\n');
    const steps = lines.slice(lines.indexOf(LABELS.ja.steps) + 1, lines.indexOf(LABELS.ja.commands) - 1);
    expect(steps).toHaveLength(entry('mta').remediation.ja.length);
    expect(lines.some((line) => columns(line) > 120)).toBe(true);
  });
});
