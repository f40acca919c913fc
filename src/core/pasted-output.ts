import type { ModuleId } from './types.js';

export interface PastedSignal {
  module: ModuleId;
  /** The pasted line (or fragment) that names it. */
  line: string;
}

const MODULE_AT_INSTANCE = /\b(export|import|inmail|mta|stat|syslogd|tracking|trackinglogd|watchdog|web|wfserver)@[\w-]+/gi;
const NO_TASKS = /\bno tasks\b/i;

const CANONICAL: Record<string, ModuleId> = {
  export: 'export', import: 'import', inmail: 'inMail', mta: 'mta', stat: 'stat', syslogd: 'syslogd',
  tracking: 'tracking', trackinglogd: 'trackinglogd', watchdog: 'watchdog', web: 'web', wfserver: 'wfserver',
};

/**
 * Reads pasted `nlserver pdump` / `nlserver monitor -missing` output: each `module@instance`
 * names that module, and `No tasks` (nothing running at all) points at the watchdog.
 */
export function readPastedOutput(text: string): PastedSignal[] {
  const signals: PastedSignal[] = [];
  const seen = new Set<ModuleId>();
  const add = (module: ModuleId, line: string) => {
    if (seen.has(module)) return;
    seen.add(module);
    signals.push({ module, line: line.trim().slice(0, 120) });
  };
  const noTasks = NO_TASKS.exec(text);
  if (noTasks) add('watchdog', lineAround(text, noTasks.index));
  for (const match of text.matchAll(MODULE_AT_INSTANCE)) {
    const module = CANONICAL[(match[1] ?? '').toLowerCase()];
    if (module) add(module, lineAround(text, match.index));
  }
  return signals;
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end);
}

const PDUMP_BANNER = /^.*Application server for Adobe Campaign.*$/gim;

/** Drops the banner `nlserver pdump` prints on every run: it names the application server but says nothing about the fault. */
export function withoutBanners(text: string): string {
  return text.replace(PDUMP_BANNER, '');
}
