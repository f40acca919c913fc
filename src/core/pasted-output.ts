import { inlineListings, PS_LINE, saidAbsent } from './health-listing.js';
import { LOG_LINE } from './long-input.js';
import { MODULE_IDS, type ModuleId } from './types.js';

export interface PastedSignal {
  module: ModuleId;
  /** The pasted line (or fragment) that names it. */
  line: string;
  /** A pdump line with pid and memory shows a process that is up: weaker evidence than a bare `monitor -missing` line. */
  running: boolean;
  /** Whether `line` is pasted output; false for a `module@instance` in the writer's own sentence ("does restart mta@prod pick it up?"). */
  pasted: boolean;
}

/** Module names as pdump prints them, lower-cased, mapped to their ids. */
const CANONICAL: Record<string, ModuleId> = Object.fromEntries(MODULE_IDS.map((id) => [id.toLowerCase(), id]));
const MODULE_NAME = MODULE_IDS.join('|');

const MODULE_AT_INSTANCE = new RegExp(`\\b(${MODULE_NAME})@[\\w-]*(\\s*\\(\\d+\\))?`, 'gi');
const NO_TASKS = /\bno tasks\b/i;
/**
 * A module named as the one down, in words or in an alert's label: `inMail is not running`, `mta ist abgestürzt`, `process="wfserver"`.
 * In words only the names no sentence uses otherwise: "the web is down" and "tracking stopped" need `@instance` to name the process.
 */
const PROCESS_NAMES = 'mta|inMail|wfserver|syslogd|trackinglogd';
const DOWN_WORDS = String.raw`(?:is\s+|has\s+|ist\s+)?(?:not running|no longer running|down|stopped|dead|crashed|died|abgestürzt|läuft nicht|ne tourne (?:plus|pas)|arrêté|(?:프로세스\s*)?다운|죽었|停止|落ちた)`;
const NAMED_DOWN = new RegExp(
  String.raw`\b(?:(${PROCESS_NAMES})\b(?:@[\w-]+)?|(${MODULE_NAME})@[\w-]+)['"]?\s*(?:process(?:es)?\s+|프로세스\s*)?${DOWN_WORDS}|(?:module|process|service|args)\s*[=:]\s*['"]?(${MODULE_NAME})\b`,
  'gi',
);
/** The same said of the process: `Der mta-Prozess ist abgestürzt`, `Prozess web läuft nicht`, Nagios's `0 processes with args 'web'`. */
const PROCESS_WORD = String.raw`(?:process|prozess|processus|프로세스|プロセス)`;
const PROCESS_DOWN = new RegExp(
  String.raw`\b(${MODULE_NAME})[- ]?${PROCESS_WORD}(?:\s+(?:auf|on|sur|in)\s+[\w-]+)?\s*${DOWN_WORDS}|${PROCESS_WORD}\s+['"]?(${MODULE_NAME})['"]?\s+${DOWN_WORDS}|processes with args\s+['"]?(${MODULE_NAME})\b`,
  'gi',
);
/** Words about the supervisor or a relaunch that did not happen: then the process down is the watchdog's failure, not the module's. */
const SUPERVISION =
  /watch\s?dog|와치독|워치독|relaunch|restart|come back|came back|brought back|on (?:its|their) own|재시작|재기동|다시\s?(?:안\s?)?(?:띄|살|올)|neu ?start|relanc|redémarr|再起動|自動で/i;
const PROCESS_LINE = new RegExp(PS_LINE.source, 'i');
const BARE_ABSENT = new RegExp(`\\bno\\s+['"]?(${MODULE_NAME})['"]?\\s+(?:line|process|entry|in)\\b`, 'gi');
const LISTING = /\bpdump\b|monitor -missing|process list/i;
// A module's own log named beside its errors ("errors in var/prod/log/wfserver.log") shows that module failing while syslogd
// writes fine; a log that is empty or no longer written is syslogd's, and reads as such without this.
const MODULE_LOG = new RegExp(`\\b(${MODULE_NAME})\\.log\\b`, 'gi');
const OTHER_MODULE = new RegExp(`\\b(${MODULE_NAME})\\b(?!\\.log)`, 'gi');
const LOG_ERRORS = /\b(?:errors?|exceptions?|fail\w*|fatal|crash\w*|ORA-\d+|PGS-\d+|XSV-\d+)\b|에러|오류|エラー|fehler|erreurs?/i;
// The database refusing or not answering, as the module logs it: the module shows the error without causing it.
const DATABASE_UNREACHABLE =
  /could not connect to (?:the )?(?:database )?server|\bTNS:|\bORA-12\d{3}\b|\bODBC\b|Login timeout expired|\bno pg_hba\.conf entry\b|too many clients already/i;
const LOG_SILENT =
  /\b(?:no (?:new )?(?:lines?|entries|errors?)|not (?:being )?(?:written|updated)|empty|stopped|missing|nothing|silent|0 bytes)\b|없|비어|안\s?(?:쌓|써|찍)|空|出ていない|leer|vide/i;

/**
 * Reads pasted `nlserver pdump` / `nlserver monitor -missing` output: each `module@instance`
 * names that module, and `No tasks` (nothing running at all) points at the watchdog. Running
 * pdump lines (`mta@prod (1234) - 50 Mb`) and the processes of a pdump retyped in one line are
 * marked, because a listed process is alive. When the writer says which one is absent ("pdump
 * lists mta@prod, stat@prod but no inMail@prod"), that one is the signal and the others are taken
 * as running.
 */
export function readPastedOutput(text: string): PastedSignal[] {
  const signals: PastedSignal[] = [];
  const absent = new Set<ModuleId>();
  const add = (module: ModuleId, line: string, running: boolean, pasted = true) => {
    const known = signals.find((s) => s.module === module);
    if (known) {
      known.running &&= running;
      known.pasted ||= pasted;
    } else signals.push({ module, line: line.trim().slice(0, 120), running, pasted });
  };
  const noTasks = NO_TASKS.exec(text);
  if (noTasks) add('watchdog', lineAround(text, noTasks.index), false);
  const listed = inlineListings(text);
  for (const match of text.matchAll(MODULE_AT_INSTANCE)) {
    const module = CANONICAL[(match[1] ?? '').toLowerCase()];
    if (!module) continue;
    const end = match.index + match[0].length;
    if (saidAbsent(text, match.index, end)) absent.add(module);
    const inListing = listed.some((span) => match.index >= span.start && end <= span.end);
    const line = lineAround(text, match.index);
    // A pasted line is the evidence itself; in the writer's own sentence only the process name is.
    const pasted = match[2] !== undefined || inListing || LOG_LINE.test(line) || line.trim() === match[0];
    // `ps` shows a running process (`nlserver mta -tracefile:mta@acc -instance:acc`), as pdump's `mta@acc (2240)` does.
    add(module, pasted ? line : match[0], match[2] !== undefined || inListing || PROCESS_LINE.test(line), pasted);
  }
  if (LISTING.test(text)) {
    for (const match of text.matchAll(BARE_ABSENT)) {
      const module = CANONICAL[(match[1] ?? '').toLowerCase()];
      if (!module) continue;
      absent.add(module);
      add(module, lineAround(text, match.index), false);
    }
  }
  for (const match of text.matchAll(MODULE_LOG)) {
    const module = CANONICAL[(match[1] ?? '').toLowerCase()];
    const line = lineAround(text, match.index);
    // "mta.log: connection to the stat server refused" is the stat server's error, seen from the mta.
    const others = [...line.matchAll(OTHER_MODULE)].some((m) => CANONICAL[(m[1] ?? '').toLowerCase()] !== module);
    if (module && LOG_ERRORS.test(line) && !LOG_SILENT.test(line) && !DATABASE_UNREACHABLE.test(line) && !others) add(module, line, false);
  }
  // "Problem: inMail is not running", `CampaignProcessDown (module="wfserver")`: the process down is the module to start,
  // unless the text is about nothing relaunching it, which is the watchdog's job.
  if (!SUPERVISION.test(text)) {
    for (const match of [...text.matchAll(NAMED_DOWN), ...text.matchAll(PROCESS_DOWN)]) {
      const module = CANONICAL[(match[1] ?? match[2] ?? match[3] ?? '').toLowerCase()];
      if (module && module !== 'watchdog') add(module, lineAround(text, match.index), false, false);
    }
  }
  if (absent.size === 0) return signals;
  return signals.map((s) => ({ ...s, running: !absent.has(s.module) }));
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end);
}

const PDUMP_BANNER = /^.*Application server for Adobe Campaign.*$/gim;
// The shell prompt in front of a pasted command (`[neolane@app01 ~]$ `, `neolane@host:~$ `) names a user and a host, not a symptom.
const SHELL_PROMPT = /^[ \t]*\[?[\w.-]+@[\w.-]+(?::[^\s$#]*)?(?:[ \t]+[^\]\n$#]*)?\]?[$#][ \t]?/gm;
// `mta@prod (1234) - 50 Mb`, and the watchdog, which pdump lists without an instance: `watchdog (1822)`. Only the row
// itself: words typed after it on the same line ("… is listed but workflows stay Start in progress") are the report.
const RUNNING_LINE = /^[ \t]*(?:[\w-]+@[\w-]+|watchdog)[ \t]*\(\d+\)(?:[ \t]*-[ \t]*[\d.,]+[ \t]*(?:[kmg]i?b|[kmg]o|bytes?)?\b)?/gim;

/**
 * Drops what `nlserver pdump` prints about healthy processes: the banner (it names the application
 * server on every run) and `module@instance (pid) - memory` lines. Listing a live process says
 * little about the fault, so these lines count only through their weak pasted-output signal.
 */
export function withoutHealthyListing(text: string): string {
  return text.replace(PDUMP_BANNER, '').replace(RUNNING_LINE, '').replace(PS_LINE, '').replace(SHELL_PROMPT, '');
}
