import type { ModuleId } from './types.js';

export interface PastedSignal {
  module: ModuleId;
  /** The pasted line (or fragment) that names it. */
  line: string;
  /** A pdump line with pid and memory shows a process that is up: weaker evidence than a bare `monitor -missing` line. */
  running: boolean;
}

const MODULE_AT_INSTANCE = /\b(export|import|inmail|mta|stat|syslogd|tracking|trackinglogd|watchdog|web|wfserver)@[\w-]+(\s*\(\d+\))?/gi;
const NO_TASKS = /\bno tasks\b/i;

const CANONICAL: Record<string, ModuleId> = {
  export: 'export', import: 'import', inmail: 'inMail', mta: 'mta', stat: 'stat', syslogd: 'syslogd',
  tracking: 'tracking', trackinglogd: 'trackinglogd', watchdog: 'watchdog', web: 'web', wfserver: 'wfserver',
};

/**
 * Reads pasted `nlserver pdump` / `nlserver monitor -missing` output: each `module@instance`
 * names that module, and `No tasks` (nothing running at all) points at the watchdog. Running
 * pdump lines (`mta@prod (1234) - 50 Mb`) are marked, because a listed process is alive.
 */
export function readPastedOutput(text: string): PastedSignal[] {
  const signals: PastedSignal[] = [];
  const seen = new Set<ModuleId>();
  const add = (module: ModuleId, line: string, running: boolean) => {
    if (seen.has(module)) return;
    seen.add(module);
    signals.push({ module, line: line.trim().slice(0, 120), running });
  };
  const noTasks = NO_TASKS.exec(text);
  if (noTasks) add('watchdog', lineAround(text, noTasks.index), false);
  for (const match of text.matchAll(MODULE_AT_INSTANCE)) {
    const module = CANONICAL[(match[1] ?? '').toLowerCase()];
    if (module) add(module, lineAround(text, match.index), match[2] !== undefined);
  }
  return signals;
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end);
}

const PDUMP_BANNER = /^.*Application server for Adobe Campaign.*$/gim;
// `mta@prod (1234) - 50 Mb`, and the watchdog, which pdump lists without an instance: `watchdog (1822)`.
const RUNNING_LINE = /^\s*(?:[\w-]+@[\w-]+|watchdog)\s*\(\d+\).*$/gim;

/**
 * Drops what `nlserver pdump` prints about healthy processes: the banner (it names the application
 * server on every run) and `module@instance (pid) - memory` lines. Listing a live process says
 * little about the fault, so these lines count only through their weak pasted-output signal.
 */
export function withoutHealthyListing(text: string): string {
  return text.replace(PDUMP_BANNER, '').replace(RUNNING_LINE, '');
}
