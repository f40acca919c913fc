import { MODULE_IDS, type ModuleId } from './types.js';

/** What a pasted `nlserver pdump` says about the platform's health. */
export interface ListingHealth {
  /** Processes the listing shows, as `module@instance` (the watchdog as `watchdog`). */
  running: string[];
  /** Expected processes it does not show: the signal. Empty when every expected module runs. */
  missing: { module: ModuleId; instance: string | null }[];
}

// One process per instance: expected once for every instance the listing shows.
const MONO: readonly ModuleId[] = ['mta', 'wfserver', 'inMail', 'stat'];
// One process for every instance (pdump shows `web@default`, and the watchdog bare).
const MULTI: readonly ModuleId[] = ['web', 'syslogd', 'trackinglogd', 'watchdog'];

const CANONICAL = new Map<string, ModuleId>(MODULE_IDS.map((id) => [id.toLowerCase(), id]));
const RUNNING_LINE = /^[ \t]*(?:([A-Za-z]+)@([\w-]+)|(watchdog))[ \t]*\(\d+\)/gim;
const BANNER = /Application server for Adobe Campaign/i;
/**
 * A process as `ps -ef`, `ps -o pid,lstart,args` or `systemctl status nlserver` shows it: a pid, then
 * `[…/]nlserver <module>` and its arguments (`-instance:prod`; web, syslogd and trackinglogd serve every instance).
 */
export const PS_LINE = new RegExp(`^(?=[^\\n]*nlserver)[^\\n]*?\\b\\d{2,}\\b[^\\n]*?(?:/|\\b)nlserver[ \\t]+(${MODULE_IDS.join('|')})\\b([^\\n]*)$`, 'gim');
const PS_INSTANCE = /-instance:([\w-]+)/i;
/** `ps … | head`: what such a listing leaves out was cut away, not stopped. */
const CUT_PS = /\|\s*(?:head|tail)\b/i;
const MENTIONS_PDUMP = /\bpdump\b/i;
/** `nlserver pdump | grep wf`: what such a listing leaves out was filtered away, not stopped. */
const FILTERED_PDUMP = /\bpdump\b[^\n|]*\|\s*(?:e?grep|findstr|select-string|awk|sed|head|tail)\b/i;
const PROCESS = `\\b(?:(?:${MODULE_IDS.join('|')})@[\\w-]+|watchdog\\b)(?:\\s*\\(\\d+\\))?`;
/** A process as pdump prints it, its memory included: `web@default (2345) - 250 MB`. */
const LISTED = `${PROCESS}(?:\\s*-\\s*\\d+(?:[.,]\\d+)?\\s*(?:[kmgt]i?b|[kmgt]o)?\\b)?`;
/**
 * A pdump retyped or pasted in one line (Teams may join a paste's lines): three or more processes separated
 * only by commas, slashes, `and`, `+` or spaces.
 */
const INLINE_LIST = new RegExp(`${LISTED}(?:(?:\\s*[,;/+&]\\s*|\\s+and\\s+|\\s+)${LISTED}){2,}`, 'gi');
/** pdump's process id after a name, `(2345)`: three of them in a row are a listing, whether or not the text says pdump. */
const PROCESS_ID = /\(\d+\)/g;
const INLINE_PROCESS = new RegExp(`\\b(${MODULE_IDS.join('|')})@([\\w-]+)|\\b(watchdog)\\b`, 'gi');

// "no inMail@prod", "there's no 'watchdog' line": a module said to be absent from a listing.
const ABSENT_BEFORE = /(?<![-\w])(?:no|not|without|missing|except)\s+(?:the\s+|any\s+|an?\s+)?['"]?$/i;
// "mta@prod 가 안 보여요", "wfserver@prod is missing": the same said after the name.
const ABSENT_AFTER =
  /^['"]?\s*(?:(?:is|are)\s+(?:missing|absent|gone|not\s+(?:there|listed|in))|isn't\s+(?:there|listed)|(?:이|가|은|는|도|만)?\s*(?:안\s?보|없|빠져|빠졌|누락|안\s?떠|안\s?나와)|(?:gone|missing|absent|down|dead|crashed|not\s+running)\b)/i;

/** Whether the writer says the process at text[start, end) is absent ("no inMail@prod", "mta@prod is missing"). */
export function saidAbsent(text: string, start: number, end: number): boolean {
  return ABSENT_BEFORE.test(text.slice(Math.max(0, start - 20), start)) || ABSENT_AFTER.test(text.slice(end, end + 20));
}

/**
 * The spans of a message that retype a pdump in one line ("pdump: web@default, mta@prod, wfserver@prod,
 * watchdog"), when the message says it is a pdump or the processes carry pdump's ids: every process in them is
 * running, as in a pasted listing.
 */
export function inlineListings(text: string): { start: number; end: number }[] {
  const saysPdump = MENTIONS_PDUMP.test(text) || BANNER.test(text);
  return [...text.matchAll(INLINE_LIST)].filter((m) => saysPdump || (m[0].match(PROCESS_ID)?.length ?? 0) >= 3).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Reads a pasted pdump as a health listing: listed processes are running, and the expected
 * module that is absent is what to look at. Returns null when the text holds no listing (a
 * single pasted process line is a quote, not a listing; a pdump piped through grep is a part of one). `expected` narrows the modules this
 * server runs (CAMPAIGN_MODULES).
 */
export function readHealthListing(text: string, expected: readonly ModuleId[] = MODULE_IDS): ListingHealth | null {
  const running: string[] = [];
  const instances: string[] = [];
  const seen = new Set<string>();
  const inline = inlineListings(text).flatMap(({ start, end }) =>
    [...text.slice(start, end).matchAll(INLINE_PROCESS)].filter((m) => !saidAbsent(text, start + m.index, start + m.index + m[0].length)),
  );
  const listed = [
    ...[...text.matchAll(RUNNING_LINE), ...inline].map((m) => ({ name: m[1] ?? m[3] ?? '', instance: m[2] ?? null })),
    ...(CUT_PS.test(text) ? [] : [...text.matchAll(PS_LINE)].map(psProcess)),
  ];
  for (const { name, instance } of listed) {
    const module = CANONICAL.get(name.toLowerCase());
    if (!module) continue;
    const key = instance ? `${module}@${instance}` : module;
    if (seen.has(key)) continue;
    seen.add(key);
    running.push(key);
    if (MONO.includes(module) && instance && instance !== 'default' && !instances.includes(instance)) instances.push(instance);
  }
  const isListing = inline.length > 0 || running.length >= 2 || (running.length === 1 && (BANNER.test(text) || MENTIONS_PDUMP.test(text)));
  if (!isListing || FILTERED_PDUMP.test(text)) return null;
  const runs = (module: ModuleId, instance: string | null) =>
    running.some((key) => key === module || key === `${module}@${instance ?? 'default'}` || (instance === null && key.startsWith(`${module}@`)));
  const missing: ListingHealth['missing'] = [];
  for (const module of MULTI) if (expected.includes(module) && !runs(module, null)) missing.push({ module, instance: null });
  const perInstance = instances.length > 0 ? instances : [null];
  for (const instance of perInstance) {
    for (const module of MONO) if (expected.includes(module) && !runs(module, instance)) missing.push({ module, instance });
  }
  return { running, missing };
}

/** A `ps` line's process: its `-instance:`, else `default` (web, syslogd, trackinglogd), the watchdog bare. */
function psProcess(line: RegExpMatchArray): { name: string; instance: string | null } {
  const name = line[1] ?? '';
  return { name, instance: line[2]?.match(PS_INSTANCE)?.[1] ?? (name.toLowerCase() === 'watchdog' ? null : 'default') };
}

/** `mta@prod`, or the bare name when the instance is not known. */
export function processName(entry: { module: ModuleId; instance: string | null }): string {
  return entry.instance ? `${entry.module}@${entry.instance}` : entry.module;
}
