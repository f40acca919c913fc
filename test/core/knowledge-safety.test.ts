import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { LANGS, type ModuleEntry, type ModuleId } from '../../src/core/types.js';

// People run what the card says at 3 a.m.: these checks keep the repository's knowledge honest
// about what each command costs and in which order to try them.
const knowledge = loadKnowledge(join(import.meta.dirname, '../../knowledge'));
const commands = knowledge.modules.flatMap((entry) => entry.commands.map((command, index) => ({ module: entry.id, index, ...command })));

function module(id: ModuleId): ModuleEntry {
  const entry = knowledge.byId.get(id);
  if (!entry) throw new Error(`no module ${id}`);
  return entry;
}

function indexOf(id: ModuleId, run: RegExp): number {
  const index = module(id).commands.findIndex((c) => run.test(c.run));
  expect(index, `${id}: no command matching ${run}`).toBeGreaterThanOrEqual(0);
  return index;
}

/** 0 read-only, 1 starts or changes something without cutting anyone off, 2 stops or restarts, 3 foreground trace or deletion. */
function cost(run: string): number {
  if (/-tracefilter|\brm\s|sed -i|\bkill\b|\bshutdown\b/.test(run)) return 3;
  if (/\b(restart|stop)\b/.test(run)) return 2;
  if (/\bstart\b|watchdog -svc|-reload|\bcp\s|\bmkdir\b/.test(run)) return 1;
  return 0;
}

const HANGUL = /[\uac00-\ud7a3]/;

describe('knowledge safety: commands carry their cost', () => {
  it.each(commands.filter((c) => /\s(restart|stop)\b|\bkill\b|\brm\s|-tracefilter|\bshutdown\b/.test(c.run)).map((c) => [c.module, c.run, c.caution] as const))(
    '%s: "%s" has a caution in both languages',
    (_id, _run, caution) => {
      expect(caution?.en.trim()).toBeTruthy();
      expect(caution?.ko.trim()).toBeTruthy();
    },
  );

  it.each(commands.filter((c) => c.caution).map((c) => [c.module, c.run, c.caution] as const))(
    '%s: the caution on "%s" is English in en and Korean in ko',
    (_id, _run, caution) => {
      expect(caution?.en).not.toMatch(HANGUL);
      expect(caution?.ko).toMatch(HANGUL);
    },
  );

  it.each<[ModuleId, RegExp, RegExp[]]>([
    ['web', /^nlserver restart web$/, [/pdump -who/, /nlserver start web/]],
    ['web', /rm -r work\//, [/pdump -who/, /nlserver start web/]],
    ['mta', /-tracefilter/, [/Ctrl-C|Strg\+C/, /nlserver start mta@\{instance\}/]],
    ['inMail', /-tracefilter/, [/Ctrl-C|Strg\+C/, /nlserver start inMail@\{instance\}/]],
    ['syslogd', /^nlserver restart syslogd$/, [/nlserver start syslogd/]],
    ['watchdog', /^systemctl start nlserver$/, [/systemctl stop nlserver/, /nlserver watchdog -svc -noconsole/]],
    ['watchdog', /^nlserver watchdog -svc -noconsole$/, [/su - neolane/, /nlserver shutdown/, /systemctl start nlserver/]],
    ['stat', /^nlserver restart stat@\{instance\}$/, [/nlserver stat -reload/]],
  ])('%s: the caution on %s says how to get back to normal, in every language', (id, run, mentions) => {
    const caution = module(id).commands[indexOf(id, run)]?.caution;
    for (const lang of LANGS) for (const mention of mentions) expect(caution?.[lang], `${id} ${lang}`).toMatch(mention);
  });

  it.each<[ModuleId, RegExp, RegExp]>([
    ['web', /^nlserver restart web$/, /all instances/],
    ['syslogd', /^nlserver restart syslogd$/, /every module/],
    ['watchdog', /^nlserver watchdog -svc -noconsole$/, /never as root/],
    ['watchdog', /^systemctl start nlserver$/, /as root/],
  ])('%s: the caution on %s names who it affects or who runs it', (id, run, phrase) => {
    expect(module(id).commands[indexOf(id, run)]?.caution?.en).toMatch(phrase);
  });
});

describe('knowledge safety: safest first', () => {
  it.each(knowledge.modules.map((entry) => [entry.id, entry.commands.map((c) => c.run)] as const))(
    '%s: commands go from read-only checks to start, restart, then traces and deletions',
    (_id, runs) => {
      expect(cost(runs[0] ?? '')).toBe(0);
      const costs = runs.map(cost);
      expect(costs).toEqual([...costs].sort((a, b) => a - b));
    },
  );

  it('web: who is connected and a plain start come before a restart', () => {
    const restart = indexOf('web', /^nlserver restart web$/);
    expect(indexOf('web', /^nlserver pdump -who$/)).toBeLessThan(restart);
    expect(indexOf('web', /^nlserver start web$/)).toBeLessThan(restart);
  });

  it('web: the JSP clean-up changes into the Tomcat folder before anything is stopped or deleted', () => {
    const run = module('web').commands[indexOf('web', /rm -r work\//)]?.run ?? '';
    expect(run).toMatch(/^cd ~\/nl6\/tomcat-\S+ && /);
    expect(run.indexOf('cd ')).toBeLessThan(run.indexOf('nlserver stop web'));
  });

  it('tracking: the sed search for malformed lines comes before grep -Rn, then a copy of the file, and the step warns that deleting is final', () => {
    const sed = indexOf('tracking', /sed -nE '.*\/!p'/);
    const grep = indexOf('tracking', /grep -Rn/);
    const copy = indexOf('tracking', /\bcp\s.*redir\/log/);
    expect(sed).toBeLessThan(grep);
    expect(grep).toBeLessThan(copy);
    const step = module('tracking').remediation.en.find((s) => /corrupted line/.test(s)) ?? '';
    expect(step.indexOf('sed -nE')).toBeLessThan(step.indexOf('grep -Rn'));
    expect(step).toMatch(/cannot be undone/);
    expect(step).toMatch(/copy the file/);
  });
});

describe('knowledge safety: facts', () => {
  it('no curl probe hard-codes the Tomcat port', () => {
    const probes = commands.filter((c) => /\bcurl\b/.test(c.run));
    expect(probes.length).toBeGreaterThan(0);
    for (const probe of probes) expect(probe.run, `${probe.module}: ${probe.run}`).not.toMatch(/:8080\b/);
    expect(module('web').commands.some((c) => /\bcurl\b.*<port>/.test(c.run))).toBe(true);
  });

  it('web: moving Tomcat off 8080 names server.xml, httpPort and targetUrl', () => {
    for (const lang of LANGS) {
      const step = module('web').remediation[lang].find((s) => s.includes('8080')) ?? '';
      for (const part of ['server.xml', '`port`', 'httpPort', 'targetUrl']) expect(step, `${lang}: ${part}`).toContain(part);
    }
  });

  it('syslogd: a new maxFileSizeMb is applied by restarting syslogd, not by config -reload', () => {
    expect(module('syslogd').commands.some((c) => c.run.includes('config -reload'))).toBe(false);
    for (const lang of LANGS) {
      const step = module('syslogd').remediation[lang].find((s) => s.includes('maxFileSizeMb')) ?? '';
      expect(step, lang).toContain('`nlserver restart syslogd`');
    }
  });

  it('mta: a TMPDIR change asks for a full service restart, not an mta restart', () => {
    for (const lang of LANGS) {
      const step = module('mta').remediation[lang].find((s) => s.includes('TMPDIR')) ?? '';
      expect(step, lang).toContain('systemctl restart nlserver');
    }
  });

  it('watchdog: the two ways to start are alternatives, and a partial pdump is not a platform outage', () => {
    const steps = module('watchdog').remediation.en;
    expect(steps.join(' ')).not.toMatch(/whole platform is down/);
    expect(steps.find((s) => s.includes('systemctl start nlserver'))).toMatch(/not both/);
    expect(steps.find((s) => s.includes('nlserver watchdog -svc -noconsole'))).toMatch(/neolane/);
  });

  it.each<ModuleId>(['export', 'import'])('%s: described as having no resident module, not as never showing in pdump', (id) => {
    for (const lang of LANGS) expect(module(id).summary[lang]).not.toMatch(/never appears in pdump|nothing shows in pdump|pdump에는 (나타나지|보이지) 않/);
    expect(module(id).summary.en).toMatch(/not a resident module/);
  });

  it('every mention of the stat port says UDP', () => {
    for (const entry of knowledge.modules) {
      for (const lang of LANGS) {
        for (const step of entry.remediation[lang].filter((s) => s.includes('7777'))) expect(step, `${entry.id} ${lang}`).toMatch(/UDP/);
      }
    }
  });

  it('Korean steps show the console menu path in English, with the Korean gloss beside it', () => {
    for (const entry of knowledge.modules) {
      for (const step of entry.remediation.ko.filter((s) => /[\uac00-\ud7a3]+ > [\uac00-\ud7a3]/.test(s))) {
        expect(step, entry.id).toMatch(/[A-Za-z]+ > [A-Za-z]/);
      }
    }
  });
});
