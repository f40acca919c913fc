import { MODULE_IDS, type ModuleId } from './types.js';

/** Where the instance in the commands came from, most trusted first. */
export type InstanceSource = 'flag' | 'message' | 'default' | 'none';

/** The one instance a card fills into every command, log path and step, and why. */
export interface InstanceChoice {
  /** null: nothing names one, so commands show the visible `<instance>` placeholder. */
  name: string | null;
  source: InstanceSource;
  /** Other instances the message names, which the commands do not use. */
  others: string[];
  /** True when CAMPAIGN_INSTANCES is set and does not list `name`. */
  unknown: boolean;
  /** Words written where an instance goes that may name a host instead ("on rt1"): with no other instance named, the commands show `<instance>` rather than the default. */
  maybe?: string[];
}

/** What the asker's surroundings know: the CLI's --instance, CAMPAIGN_INSTANCE, CAMPAIGN_INSTANCES. */
export interface InstanceSettings {
  flag?: string | undefined;
  configured?: string | undefined;
  known?: readonly string[] | undefined;
}

export interface NamedInstance {
  name: string;
  /** The module the mention ties it to (`mta@mkt`, `var/mkt/log/mta.log`), when it says one. */
  module: ModuleId | null;
  /** The writer rules it out: "prod is fine", "not prod", "prod 말고". */
  ruledOut?: boolean;
  /** The writer already acted on it and reports no trouble of it: "we restarted mta@prod already, now mkt fails too". */
  handled?: boolean;
  /** Written where an instance goes, but shaped like a host too ("on rt1", "app03에서"). */
  maybe?: boolean;
}

const CANONICAL = new Map<string, ModuleId>(MODULE_IDS.map((id) => [id.toLowerCase(), id]));
const NAME = '[A-Za-z0-9][A-Za-z0-9_-]{0,63}';
// A name ends before a word character, `@`, `/` or `-`, or a dot that starts a domain ("on prod." ends a sentence);
// a name called like a function is code ("#2 0x7f1c in start_thread () from libpthread.so", "in loadConfig(path)").
const NAME_END = '(?![\\w@/\\u00C0-\\u024F-]|\\.\\w|\\(|\\s*\\(\\))';
// `mta@prod` is a process; `mta@prod.example.com` is a mail address.
const MODULE_AT = new RegExp(`\\b(${MODULE_IDS.join('|')})@(${NAME})(?![\\w-]|\\.[A-Za-z])`, 'gi');
// An instance's folders: var/<instance>/log (its logs), …/mta (the mta's working folder), …/redir (tracking logs).
const LOG_PATH = new RegExp(`\\bvar/(${NAME})/(?:log/(?:(\\w+)\\.log)?|(?:mta|redir)/)`, 'gi');
const CONFIG_FILE = new RegExp(`\\bconfig-(${NAME})\\.xml\\b`, 'gi');
const INSTANCE_FLAG = new RegExp(`-instance:(${NAME})`, 'gi');
// "on the acc_prd instance", "for instance mkt", "instance: mkt"; in Korean a Latin name beside
// 인스턴스 ("mkt 인스턴스에서", "인스턴스 mkt") is always a name. An English word before "instance"
// counts only after a preposition or article, so "broken instance keeps failing" names nothing.
const WORD_BEFORE = new RegExp(
  `(?:\\b(?:on|in|for|of|at|from|the|our|my)\\s+(?:the\\s+|our\\s+)?['"]?(${NAME})['"]?\\s+instance\\b|(?<![\\w@/.-])(${NAME})\\s*(?:인스턴스|インスタンス|-Instanz\\b))`,
  'gi',
);
// The same in German ("auf der Instanz mkt", "Instanz: mkt"), French ("sur l'instance mkt") and Japanese ("インスタンス mkt").
const WORD_AFTER = new RegExp(
  `(?:\\b(?:on|in|for|of|at|from)\\s+instance\\s+['"]?|\\b(?:instance|instanz)\\s*[:=]\\s*|\\b(?:instance|instanz)\\s+['"]|\\b(?:auf|in|von|für|bei)\\s+(?:der\\s+)?instanz\\s+['"]?|\\b(?:sur|dans|de|pour)\\s+l['’]instance\\s+['"]?|인스턴스\\s*[:=]?\\s*|インスタンス\\s*[:=：]?\\s*)(${NAME})${NAME_END}`,
  'gi',
);
// "instance eu-prd: deliveries pending": a name-like word right after "instance".
const INSTANCE_THEN_NAME = new RegExp(`\\b(?:instances?|instanz(?:en)?)\\s+(${NAME})${NAME_END}`, 'gi');

// Without the word "instance", a name is taken only where it looks like one: "on acc_prd",
// "in prod2", "prod에서". Plain English after a preposition ("on monday") is not a name.
// The name is looked ahead at, not taken: in "bounces from on eu_prod" (an address cut out between) "on" is no name, and "on eu_prod" still is.
const AFTER_PREPOSITION = new RegExp(`\\b(?:on|in|for|at|from|auf|bei|sur|chez|en|dans)\\s+(?=(${NAME})${NAME_END})`, 'gi');
// After "the", a hyphenated word is a modifier ("on the Q4-newsletter workflow", "in the EU-west datacenter"): only an environment name counts.
const AFTER_PREPOSITION_THE = new RegExp(`\\b(?:on|in|for|at|from)\\s+the\\s+(${NAME})${NAME_END}`, 'gi');
// The same written after a module, a few words before ("wfserver on prod", "mta keeps dying on mkt"): tied to that module.
const MODULE_THEN_PREPOSITION = new RegExp(`\\b(${MODULE_IDS.join('|')})\\b(?:\\s+[\\w'-]+){0,3}?\\s+(?:on|in|at|auf|bei|sur|dans)\\s+(the\\s+)?(${NAME})${NAME_END}`, 'gi');
// Slack's ways of tagging a message with its instance: "[mkt] mta keeps restarting", "mta down (mkt)", "MKT instance - emails
// not leaving", "mkt mta down", "prod wfserver stuck". Only an environment's name counts there.
const BRACKETED = new RegExp(`[\\[(](${NAME})[\\])]`, 'g');
// "mta down @mkt", "@mkt 반송 메일 안 들어옴": a name tagged like a person in chat, not after a module ("mta@mkt").
const AT_TAG = new RegExp(`(?<![\\w@/.-])@(${NAME})${NAME_END}`, 'g');
// A monitoring check's host flag or an alert's host field: `check_http -H camp-acc-app01`, `--hostname rt1`, Zabbix's `Host: camp-acc-app01`.
const HOST_FLAG = new RegExp(`(?<![\\w-])(?:-H\\s+|--host(?:name)?(?:\\s+|=)|host(?:name)?(?:\\s*[:=]\\s*['"]?|\\s+))(${NAME})${NAME_END}`, 'gi');
const NAME_THEN_MODULE = new RegExp(`\\b(${NAME})\\s+(?:instance\\b|(${MODULE_IDS.join('|')})\\b)`, 'gi');
// "mkt: workflows stuck", "URGENT: mkt - workflows not starting", "prod ok. mkt: web won't start" at the start of a
// line or sentence; "Test:" or "Dev:" written as a heading is not taken for one.
const LINE_LABEL = new RegExp(`(?<=^|\\n|[.!?:]\\s)\\s*(?:Campaign\\s+)?(${NAME})\\s*(?::(?!//)|\\s[-–—]\\s)`, 'gi');
// "env=mkt", "environment: mkt", "instance name is acc_prd", "instance = acc_prd".
// A label's value with a port is a host (Prometheus's `instance="camp-app02:9256"`), not a Campaign instance.
const NAME_GIVEN = new RegExp(`(?:\\b|_)(?:env(?:ironment)?\\s*[:=]\\s*['"]?|instance\\s+name\\s+(?:is\\s+|[:=]\\s*)|instance\\s*=\\s*['"])(${NAME})${NAME_END}(?!:\\d)`, 'gi');
// "the marketing instance (mkt)": the name in brackets is the instance; the word before "instance" describes it.
const DESCRIBED = new RegExp(`\\b(${NAME})\\s+(?:instance|instanz)\\s*[(\\[](${NAME})[)\\]]`, 'gi');
// "@channel prod down!!", "mkt broken"; "prod/mkt both stuck" below.
const NAME_THEN_TROUBLE = new RegExp(`\\b(${NAME})\\s+(?:is\\s+|are\\s+)?(?:broken|down|stuck|failing|dead)\\b`, 'gi');
// "only mkt sends nothing", "nur auf mkt", "seulement sur mkt", "it's mkt".
const ONLY_NAME = new RegExp(`\\b(?:only|nur|seulement|uniquement|it'?s|it is)\\s+(?:on\\s+|in\\s+|auf\\s+|sur\\s+)?(${NAME})${NAME_END}`, 'gi');
const SLASHED = new RegExp(`(?<![\\w@/.-])(${NAME})/(${NAME})(?![\\w@/.-])`, 'g');
// The names after the first in "stuck on prod and mkt", "restart mta for prod, mkt and acc".
const LISTED_AFTER_PREPOSITION = new RegExp(
  `\\b(?:on|in|for|at|from|auf|bei|sur|dans)\\s+(?:the\\s+)?${NAME}(?:\\s*(?:,|&|/|\\band\\b|\\bor\\b|\\bund\\b|\\bet\\b)\\s*${NAME})*?\\s*(?:,|&|\\band\\b|\\bor\\b|\\bund\\b|\\bet\\b)\\s*(${NAME})${NAME_END}`,
  'gi',
);
const BEFORE_KOREAN = new RegExp(`(?<![\\w@/.-])(${NAME})\\s*(?:에서|에|쪽|서버|환경)`, 'g');
// "prodで", "prod環境の", "prod側": the Japanese equivalents.
const BEFORE_JAPANESE = new RegExp(`(?<![\\w@/.-])(${NAME})\\s*(?:環境|側|サーバ|で|の|に)`, 'g');
// Korean and Japanese reports name the instance as a bare Latin word ("prod 워크플로우들이…", "acc_prd 추적 로그"):
// in Hangul or kana text such a word counts when it is clearly an instance name.
const LATIN_WORD = new RegExp(`(?<![\\w@/.-])(${NAME})${NAME_END}`, 'g');
const HANGUL_OR_KANA = /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// "production" is English for "live", not an instance's name: it is left out on purpose.
// A region or country code may lead: "eu_prod", "kr-prod", "us_acc".
const ENVIRONMENT_NAMES = 'prod|prd|preprod|staging|stage|stg|dev|test|qa|uat|mkt|mid|acc|int|sandbox|sbx';
const ENVIRONMENT = new RegExp(`^(?:[a-z]{2}[_-])?(?:${ENVIRONMENT_NAMES})(?:[_-][a-z0-9]+|\\d+)?$`, 'i');
// Host names look like `app03`: a word with digits alone is not taken for an instance. Nor is one whose last part is a
// number: that is a version, a build or an architecture ("debian-12", "tomcat-8", "build-9032", "x86_64"), while
// instances read "acc_prd", "eu-prod", "mkt_de".
const SEPARATED = /^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*[_-][a-z0-9]*[a-z][a-z0-9]*$/i;

// "campaign-mkt-app02", "cc-prod-mid01", "srv-camp01": a host, with a role as its last part (and a number) or its first.
// A module's or role's name with a number names a host too: "camp-stat01", "camp-mta02", "camp-trk-web01".
const HOST =
  /[_-](?:app|srv|server|node|host|vm|db|mx|web|mid|fe|be|redir|rt|stat|mta|wf|wfs|trk|track|tracking|inmail|batch|front|proxy|lb)\d+$|^(?:srv|server|host|vm|node)[_-][\w-]*\d$/i;

// An option or a setting is written in camel case ("NmsTracking_LastConsolidation", "NmsOperation_LimitConcurrency"),
// or after its module ("mta_debug"); instances are not.
const CAMEL_CASE = /[a-z][A-Z]/;
const AFTER_MODULE = new RegExp(`^(?:${MODULE_IDS.join('|')})[_-]`, 'i');

// An instance joins an environment, a region or a brand code ("acc_prd", "eu-prod", "mkt_de", "brand2_prod"); a name made of
// plain words is a workflow, an activity or a function ("wait_for_file", "daily_export", "step_check", "session_handler").
const INSTANCE_PART = new RegExp(`^(?:${ENVIRONMENT_NAMES}|live|demo|[a-z]{2}|[a-z]*\\d+[a-z]*)$`, 'i');

function looksLikeInstance(word: string): boolean {
  return (
    ENVIRONMENT.test(word) ||
    (SEPARATED.test(word) && word.split(/[_-]/).some((part) => INSTANCE_PART.test(part)) && !HOST.test(word) && !CAMEL_CASE.test(word) && !AFTER_MODULE.test(word))
  );
}

// Letters then a number, "rt1", "eu2", "inst01": an instance or a host ("app03"), which only the site knows.
const LETTERS_THEN_NUMBER = /^[a-z]{1,8}\d{1,3}$/i;
// …but not a version, a protocol, a system or a product: "on v7", "on rhel8", "in utf8", "on java11", "on node20" ("node2" is a cluster's host).
const TECHNICAL =
  /^(?:v|ipv|utf|ucs|rhel|el|centos|debian|ubuntu|sles|win|windows|java|jdk|jre|php|python|py|tls|ssl|http|https|smtp|imap|pop|x|arm|amd|oracle|ora|pg|postgres|postgresql|mysql|mssql|sql|tomcat|nginx|apache|iis|log|port|build|sha|md|aes|rsa|base|gb|mb|kb|tb|h|m|s|ms|q|w|day|week|step|page|line|item|version|ver|rev|no|nr|at|tcp|udp)\d|^node\d\d/i;

function mayBeInstance(word: string): boolean {
  return LETTERS_THEN_NUMBER.test(word) && !TECHNICAL.test(word);
}

/** The environment a host's name points at ("campaign-mkt-app02" → mkt), if it names one. */
export function environmentOfHost(word: string): string | undefined {
  if (!HOST.test(word)) return undefined;
  return word.split(/[_-]/).find((part) => ENVIRONMENT.test(part) && !/\d$/.test(part));
}

// `default` is how pdump names the shared process of multi-instance modules, not a Campaign instance.
const NOT_NAMES = new Set([
  'default',
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'same',
  'every',
  'each',
  'any',
  'all',
  'one',
  'two',
  'our',
  'my',
  'your',
  'their',
  'its',
  'his',
  'her',
  'new',
  'old',
  'other',
  'another',
  'second',
  'first',
  'main',
  'single',
  'mono',
  'multi',
  'whole',
  'which',
  'what',
  'per',
  'campaign',
  'an',
  'is',
  'was',
  'are',
  'were',
  'be',
  'has',
  'have',
  'had',
  'and',
  'or',
  'of',
  'on',
  'in',
  'at',
  'to',
  'for',
  'with',
  'from',
  'by',
  'it',
  'name',
  'names',
  'named',
  'level',
  'type',
  'seems',
  'keeps',
  'does',
  'did',
  'doesn',
  'not',
  'no',
  'yes',
  'down',
  'up',
  'running',
  'stopped',
  'crashed',
  'restarted',
  'only',
  'also',
  'still',
  'here',
  'there',
  'where',
  'so',
  'but',
  'then',
  'now',
  'id',
  'mode',
  'specific',
  'wide',
  'config',
  'configuration',
  'file',
  'server',
  'servers',
  'process',
  'processes',
  'module',
  'modules',
  'some',
  'both',
  'broken',
  'dead',
  'stuck',
  'failing',
  'affected',
  'live',
  'whole',
  'entire',
  'specific',
  'an',
  'that',
  'same',
  'both',
  'either',
  'neither',
  'last',
  'next',
  'such',
  'own',
  'given',
  'right',
  'wrong',
  'correct',
]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isName(word: string): boolean {
  const lower = word.toLowerCase();
  return !NOT_NAMES.has(lower) && !CANONICAL.has(lower) && !/^\d+$/.test(word);
}

/** True for a string that can be an instance name (what a card button may carry back). */
export function isInstanceName(text: string): boolean {
  return new RegExp(`^${NAME}$`).test(text);
}

/** The choice for an instance a card button carried over from the card it sat on. */
export function carriedInstance(name: string): InstanceChoice {
  return { name, source: 'message', others: [], unknown: false };
}

/**
 * Every instance the text names, in order of appearance, each once (the first tie to a module
 * kept). `known` (CAMPAIGN_INSTANCES) are recognised wherever they stand as a word.
 */
export function instancesNamed(text: string, known: readonly string[] = []): NamedInstance[] {
  const found: { index: number; name: string; module: ModuleId | null; maybe: boolean }[] = [];
  const collectIn = (
    source: string,
    pattern: RegExp,
    nameGroup = 1,
    moduleGroup?: number,
    accept: (name: string, match: RegExpExecArray) => boolean = () => true,
    maybe = false,
  ) => {
    for (const match of source.matchAll(pattern)) {
      const name = match[nameGroup];
      if (!name || !isName(name) || !accept(name, match)) continue;
      const module = moduleGroup === undefined ? null : (CANONICAL.get((match[moduleGroup] ?? '').toLowerCase()) ?? null);
      found.push({ index: match.index, name, module, maybe });
    }
  };
  const collect = (pattern: RegExp, nameGroup: number, moduleGroup?: number, accept?: (name: string, match: RegExpExecArray) => boolean) =>
    collectIn(text, pattern, nameGroup, moduleGroup, accept);
  const collectMaybe = (pattern: RegExp, nameGroup: number, moduleGroup?: number) =>
    collectIn(text, pattern, nameGroup, moduleGroup, (name) => !looksLikeInstance(name) && (mayBeInstance(name) || environmentOfHost(name) !== undefined), true);
  const environment = (name: string) => ENVIRONMENT.test(name);
  collect(MODULE_AT, 2, 1);
  collect(LOG_PATH, 1, 2);
  collect(CONFIG_FILE, 1);
  collect(INSTANCE_FLAG, 1);
  collect(WORD_BEFORE, 1);
  collect(WORD_BEFORE, 2);
  collect(WORD_AFTER, 1);
  collect(MODULE_THEN_PREPOSITION, 3, 1, (name, match) => (match[2] ? ENVIRONMENT.test(name) : looksLikeInstance(name)));
  collect(AFTER_PREPOSITION, 1, undefined, looksLikeInstance);
  collect(AFTER_PREPOSITION_THE, 1, undefined, environment);
  collect(BEFORE_KOREAN, 1, undefined, looksLikeInstance);
  collect(BEFORE_JAPANESE, 1, undefined, looksLikeInstance);
  collect(INSTANCE_THEN_NAME, 1, undefined, (name) => looksLikeInstance(name) || mayBeInstance(name));
  collect(BRACKETED, 1, undefined, environment);
  collect(AT_TAG, 1, undefined, (name) => environment(name) || known.some((k) => k.toLowerCase() === name.toLowerCase()));
  collect(NAME_THEN_MODULE, 1, 2, environment);
  collect(LINE_LABEL, 1, undefined, (name) => environment(name) && (name === name.toLowerCase() || name === name.toUpperCase()));
  collect(LISTED_AFTER_PREPOSITION, 1, undefined, environment);
  collect(NAME_GIVEN, 1);
  collect(DESCRIBED, 2);
  collect(NAME_THEN_TROUBLE, 1, undefined, environment);
  collect(ONLY_NAME, 1, undefined, environment);
  collect(SLASHED, 1, undefined, (_, match) => environment(match[1] ?? '') && environment(match[2] ?? ''));
  collect(SLASHED, 2, undefined, (_, match) => environment(match[1] ?? '') && environment(match[2] ?? ''));
  collectMaybe(BRACKETED, 1);
  collectMaybe(AT_TAG, 1);
  collectMaybe(HOST_FLAG, 1);
  collectMaybe(NAME_THEN_MODULE, 1, 2);
  collectMaybe(MODULE_THEN_PREPOSITION, 3, 1);
  collectMaybe(AFTER_PREPOSITION, 1);
  collectMaybe(BEFORE_KOREAN, 1);
  collectMaybe(BEFORE_JAPANESE, 1);
  if (HANGUL_OR_KANA.test(text)) collect(LATIN_WORD, 1, undefined, (name) => ENVIRONMENT.test(name) || (/[_\d]/.test(name) && looksLikeInstance(name)));
  if (known.length > 0) {
    // "stuck on prod/mkt": configured names joined by slashes are a list, not a path.
    const alternatives = known.map(escapeRegExp).join('|');
    const listed = text.replace(new RegExp(`(?<![\\w@/.-])(?:${alternatives})(?:/(?:${alternatives}))+(?![\\w@/.-])`, 'gi'), (list) => list.replaceAll('/', ' '));
    for (const name of known) collectIn(listed, new RegExp(`(?<![\\w@/.-])(${escapeRegExp(name)})(?![\\w@/.-])`, 'gi'));
  }
  const described = new Set([...text.matchAll(DESCRIBED)].map((match) => (match[1] ?? '').toLowerCase()));
  found.sort((a, b) => a.index - b.index);
  const named: NamedInstance[] = [];
  // "MKT" or "Mkt" with CAMPAIGN_INSTANCES=mkt is mkt, spelled as configured: commands and paths are case-sensitive.
  const spelled = (name: string) => known.find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
  const siteNames = new Set(known.map((k) => k.toLowerCase()));
  for (const { name: written, module, maybe } of found) {
    if (described.has(written.toLowerCase())) continue;
    const name = spelled(written);
    // A name the site gave an instance is one wherever it stands.
    const unsure = maybe && !siteNames.has(name.toLowerCase());
    const seen = named.find((n) => n.name === name);
    if (!seen) named.push({ name, module, ...(unsure && { maybe: true }) });
    else {
      if (!seen.module && module) seen.module = module;
      if (!unsure) delete seen.maybe;
    }
  }
  return named;
}

/**
 * The instance a card uses: the CLI's --instance, else the one the message names (the one tied
 * to the diagnosed module when it names several), else CAMPAIGN_INSTANCE, else none.
 */
export function chooseInstance(named: NamedInstance[], module: ModuleId | null, settings: InstanceSettings = {}): InstanceChoice {
  const flag = settings.flag?.trim();
  const configured = settings.configured?.trim();
  const known = settings.known ?? [];
  const ruledIn = named.filter((n) => !n.ruledOut && !n.maybe);
  // "we restarted mta@prod already, now mkt is failing too": the other instance, over one tied to the module.
  const acting = ruledIn.some((n) => !n.handled) ? ruledIn.filter((n) => !n.handled) : ruledIn;
  // "on the marketing instance (mkt)" with CAMPAIGN_INSTANCES=prod,mkt: the configured name, over a description.
  const open = acting.some((n) => known.includes(n.name)) ? acting.filter((n) => known.includes(n.name)) : acting;
  const tied = open.find((n) => module !== null && n.module === module) ?? open.find((n) => n.module === null) ?? open[0];
  // "on campaign-prod-app01" with CAMPAIGN_INSTANCE=prod points at the default: no doubt there.
  const pointsAtDefault = (name: string) => [name, environmentOfHost(name)].some((n) => n !== undefined && n.toLowerCase() === configured?.toLowerCase());
  const maybe = named.filter((n) => n.maybe && !n.ruledOut && !pointsAtDefault(n.name)).map((n) => n.name);
  let name: string | null = null;
  let source: InstanceSource = 'none';
  if (flag) [name, source] = [flag, 'flag'];
  else if (tied) [name, source] = [tied.name, 'message'];
  // Never the configured instance when the asker says it is fine, or may have named another ("mta down on rt1"):
  // then the card shows <instance> to fill in.
  else if (configured && maybe.length === 0 && !named.some((n) => n.ruledOut && n.name.toLowerCase() === configured.toLowerCase())) [name, source] = [configured, 'default'];
  // A name that may be a host is told apart when the commands show <instance>; beside a chosen instance it is one more name.
  const others = named.filter((n) => n.name !== name && !(n.maybe && name === null)).map((n) => n.name);
  const unknown = name !== null && source !== 'default' && known.length > 0 && !known.includes(name);
  return { name, source, others, unknown, ...(name === null && maybe.length > 0 && { maybe }) };
}

/** Every name the site gave its instances, CAMPAIGN_INSTANCES and CAMPAIGN_INSTANCE: each is an instance wherever the message writes it. */
export function siteInstances(settings: InstanceSettings = {}): string[] {
  const configured = settings.configured?.trim();
  const known = settings.known ?? [];
  return configured && !known.some((k) => k.toLowerCase() === configured.toLowerCase()) ? [...known, configured] : [...known];
}

/**
 * The text without the configured instance names (CAMPAIGN_INSTANCES): a site's own name for an instance ("staging",
 * "test") says nothing about which module fails, yet would weigh as a word of chatter.
 */
export function withoutKnownInstances(text: string, known: readonly string[] = []): string {
  if (known.length === 0) return text;
  let pattern = KNOWN_NAMES.get(known);
  if (pattern === undefined) {
    const names = known.filter((name) => name.trim() !== '');
    pattern = names.length > 0 ? new RegExp(`(?<![\\w/.-])(?:${names.map(escapeRegExp).join('|')})(?![\\w/-])`, 'gi') : null;
    KNOWN_NAMES.set(known, pattern);
  }
  return pattern ? text.replace(pattern, ' ') : text;
}

/** The pattern of each list of configured names, built once: the list is the same for every message of a process. */
const KNOWN_NAMES = new WeakMap<readonly string[], RegExp | null>();
