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
const MENTIONS_PDUMP = /\bpdump\b/i;

/**
 * Reads a pasted pdump as a health listing: listed processes are running, and the expected
 * module that is absent is what to look at. Returns null when the text holds no listing (a
 * single pasted process line is a quote, not a listing). `expected` narrows the modules this
 * server runs (CAMPAIGN_MODULES).
 */
export function readHealthListing(text: string, expected: readonly ModuleId[] = MODULE_IDS): ListingHealth | null {
  const running: string[] = [];
  const instances: string[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(RUNNING_LINE)) {
    const module = CANONICAL.get((match[1] ?? match[3] ?? '').toLowerCase());
    if (!module) continue;
    const instance = match[2] ?? null;
    const key = instance ? `${module}@${instance}` : module;
    if (seen.has(key)) continue;
    seen.add(key);
    running.push(key);
    if (MONO.includes(module) && instance && instance !== 'default' && !instances.includes(instance)) instances.push(instance);
  }
  const isListing = running.length >= 2 || (running.length === 1 && (BANNER.test(text) || MENTIONS_PDUMP.test(text)));
  if (!isListing) return null;
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

/** `mta@prod`, or the bare name when the instance is not known. */
export function processName(entry: { module: ModuleId; instance: string | null }): string {
  return entry.instance ? `${entry.module}@${entry.instance}` : entry.module;
}
