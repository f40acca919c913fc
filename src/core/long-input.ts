import { sliceWhole } from './normalize.js';

/** Text up to this length is read whole; a longer paste is cut down to the lines that matter. */
export const READ_WHOLE_CHARS = 4000;

/** Whether a text is long enough to be condensed: pages of pasted log rather than a message. */
export function isLongPaste(text: string): boolean {
  return text.length > READ_WHOLE_CHARS;
}

const MAX_SIGNAL_LINES = 40;
// A log often ends in its failure, but fifteen routine lines of another module's log at the end outweighed the one error above.
const LAST_LINES = 5;
const MAX_LINE_CHARS = 300;
const MAX_OWN_WORDS_CHARS = 1500;

// Error and warning words of log lines (English, as programs print them, and Korean), and the level tags loggers print.
const PROBLEM =
  /\b(?:error|errors|err|warn(?:ing)?|fatal|critical|crit|severe|fail(?:ed|s|ure)?|exception|refused|denied|timed?[ -]?out|unable|cannot|can't|could not|panic|abort(?:ed)?|killed|crash(?:ed)?|segfault|core dumped|stopped|missing|rejected|invalid|not running|no tasks)\b|오류|에러|실패|경고|거부|중단|누락/i;
// Vendor error codes (XSV-350008, PGS-220000, ORA-12541), errno values and `module@instance` names.
const CODE = /\b[A-Z]{3}-\d{5,6}\b|\berrno[=: ]\d+|\b(?:mta|wfserver|inMail|stat|web|syslogd|trackinglogd|tracking|watchdog|import|export)@[\w-]+/i;
/** A line a program wrote: it starts with a date, a time, a log level or a pid in brackets. */
export const LOG_LINE =
  /^\s*(?:\[?\d{2,4}[-/.]\d{1,2}[-/.]\d{1,4}|\[?\d{1,2}:\d{2}(?::\d{2})?|[A-Z][a-z]{2} +\d{1,2} \d{2}:|\[?(?:INFO|DEBUG|TRACE|WARN(?:ING)?|ERROR|FATAL|NOTICE)\b|\(?\d+\)?\s*[:|>]|at [\w$.]+\(|\d{3,}\s)/;

// Warning words: a log's routine warnings (an operator's password expiring, a schema note) must not crowd out its errors.
const WARNING = /\bwarn(?:ing)?\b|경고/i;

const cut = (line: string) => (line.length > MAX_LINE_CHARS ? sliceWhole(line, MAX_LINE_CHARS) : line);

/**
 * A line with its numbers, hex ids (Campaign's thread ids, `000085FE`) and quoted names masked, so the thousandth copy
 * of one error counts once, and "Password of operator 'kim' expires in 5 day(s)" is one line however many operators it names.
 */
function shape(line: string): string {
  return line.replace(/'[^']*'|"[^"]*"|<[^<>]*>|0x[0-9a-f]+|\b(?=[0-9a-f]*\d)[0-9a-f]+\b|\d+/gi, '#');
}

/**
 * Cuts a long paste (a log tail, a journal) down to what tells the module: the writer's own
 * words, every distinct error line, then warning lines while there is room (first ones kept), lines with
 * error codes or `module@instance`, and the last lines. Linear in the text's length; short text is returned as is.
 */
export function condenseLongText(text: string): string {
  if (!isLongPaste(text)) return text;
  // Terminal colours and carriage returns would hide a log line's shape; the rest is cleaned later.
  const lines = text.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '').split(/\r\n?|\n/);
  const keep = new Uint8Array(lines.length);
  const shapes = new Set<string>();
  const warnings: number[] = [];
  const own: string[] = [];
  let signals = 0;
  let ownWords = 0;
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    if (!LOG_LINE.test(trimmed) && /\p{L}{2,}/u.test(trimmed) && ownWords < MAX_OWN_WORDS_CHARS && !PROBLEM.test(trimmed)) {
      keep[i] = 1;
      own.push(cut(line));
      ownWords += Math.min(trimmed.length, MAX_LINE_CHARS);
      return;
    }
    if (signals >= MAX_SIGNAL_LINES || !(PROBLEM.test(trimmed) || CODE.test(trimmed))) return;
    const key = shape(trimmed.slice(0, MAX_LINE_CHARS));
    if (shapes.has(key)) return;
    shapes.add(key);
    // A warning waits until every error has had its place.
    if (WARNING.test(trimmed) && !CODE.test(trimmed)) {
      warnings.push(i);
      return;
    }
    keep[i] = 1;
    signals += 1;
  });
  for (const i of warnings.slice(0, Math.max(0, MAX_SIGNAL_LINES - signals))) keep[i] = 1;
  for (let i = Math.max(0, lines.length - LAST_LINES); i < lines.length; i += 1) keep[i] = 1;
  const kept: string[] = [];
  lines.forEach((line, i) => {
    if (keep[i]) kept.push(cut(line));
  });
  // The writer's words count twice: beside forty log lines they are what says which part broke.
  return [...own, ...kept].join('\n');
}
