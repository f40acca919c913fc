/** The languages the bot understands and answers in. */
export type Lang = 'en' | 'ko' | 'ja' | 'de' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'ko', 'ja', 'de', 'fr'];
/** Languages a knowledge file may leave out: a missing one is shown in English. */
export const OPTIONAL_LANGS = ['ja', 'de', 'fr'] as const satisfies readonly Lang[];

/** The eleven nlserver modules the bot knows, spelled as the processes are named. */
export const MODULE_IDS = ['export', 'import', 'inMail', 'mta', 'stat', 'syslogd', 'tracking', 'trackinglogd', 'watchdog', 'web', 'wfserver'] as const;
export type ModuleId = (typeof MODULE_IDS)[number];

/** mono: one process per instance (needs @<instance>); multi: one process for all; utility: run on demand. */
export type ModuleType = 'mono' | 'multi' | 'utility';

export type Localized<T> = Record<Lang, T>;

/** A command an engineer can paste; `{instance}` is replaced when rendered. */
export interface CommandEntry {
  run: string;
  why: Localized<string>;
  /** What running it disrupts or risks, and how to undo it; absent for read-only checks. */
  caution?: Localized<string>;
}

export interface DocLink {
  title: Localized<string>;
  url: string;
}

/** One module as a Campaign admin describes it in knowledge/<id>.yaml. */
export interface ModuleEntry {
  id: ModuleId;
  file: string;
  type: ModuleType;
  name: Localized<string>;
  aliases: string[];
  scope: Localized<string>;
  summary: Localized<string>;
  remediation: Localized<string[]>;
  commands: CommandEntry[];
  logs: string[];
  docs: DocLink[];
  related: ModuleId[];
  examples: Localized<string[]>;
  /**
   * Questions about the module's settings asked with nothing broken ("what does purgeLogsPeriod count?"): they are about
   * this module, yet the docs answer them better than its check list.
   */
  questions: Localized<string[]>;
}

/** A meaning and its spellings in any language (knowledge/glossary.yaml). */
export interface Concept {
  name: string;
  terms: string[];
}

/** Reports that fit two modules equally (knowledge/shared-symptoms.yaml): the first is named, the second added. */
export interface SharedSymptom {
  modules: [ModuleId, ModuleId];
  examples: Localized<string[]>;
}

/** Something outside Campaign's modules that breaks it all the same (knowledge/outside.yaml): the database, the network… */
export interface OutsideTopic {
  id: string;
  title: Localized<string>;
  /** What it looks like and what to check first. */
  says: Localized<string>;
  /** The one module that depends on it, when there is one (the database → web for console logins). */
  dependent?: ModuleId;
  dependentWhy?: Localized<string>;
  examples: Localized<string[]>;
}

/** Everything loaded from knowledge/. */
export interface Knowledge {
  modules: ModuleEntry[];
  byId: ReadonlyMap<ModuleId, ModuleEntry>;
  offTopic: Localized<string[]>;
  /** Questions about using Campaign, not failures of a module (knowledge/howto.yaml). */
  howTo: Localized<string[]>;
  outside: OutsideTopic[];
  glossary: Concept[];
  sharedSymptoms: SharedSymptom[];
}

/** Why no module was named: a how-to question, a problem outside the modules, chatter, or too little to go on. */
export type NoModuleReason = 'howto' | 'outside' | 'off-topic' | 'unsure';

export interface Candidate {
  module: ModuleId;
  score: number;
}

/** The platform-neutral answer to one symptom report. */
export interface Diagnosis {
  /** Best module, or null when the text is not about Campaign or too vague to say. */
  module: ModuleId | null;
  /** Calibrated confidence in [0, 1] that `module` is right (for null: that it is off-topic). */
  confidence: number;
  /** A second module the knowledge says applies too (mails not sent → mta and stat). */
  also: ModuleId[];
  /** Ranked modules, best first, scores in [0, 1]. */
  candidates: Candidate[];
  /** Words, names or pasted lines that drove the decision. */
  evidence: string[];
  lang: Lang;
  /** Present when the text holds a pasted pdump: the expected processes it does not list (empty: all run). */
  listing?: { missing: string[] };
  /** Present when `module` is null: why. */
  reason?: NoModuleReason;
  /** With reason `outside`: the id of the knowledge/outside.yaml topic it looks like. */
  outside?: string;
  /**
   * With reason `howto`: a module that still fits if the question hides a failure ("…if deliveries stay Pending, check mta").
   * With reason `outside`: the module the fault shows in, when the text points at one.
   */
  fits?: ModuleId;
  /** Commands the message quotes as translated docs pages write them ("nlserver 시작 웹"), with the English nlserver knows. */
  typedCommands?: TypedCommand[];
}

/** A command written with translated words, and the command to type instead. */
export interface TypedCommand {
  typed: string;
  english: string;
}

/** The same text in every language, each transformed. */
export function mapLangs<T, U>(value: Localized<T>, change: (item: T, lang: Lang) => U): Localized<U> {
  return Object.fromEntries(LANGS.map((lang) => [lang, change(value[lang], lang)])) as Localized<U>;
}

/** How many examples a file holds, every language together. */
export function exampleCount(examples: Localized<string[]>): number {
  return LANGS.reduce((sum, lang) => sum + examples[lang].length, 0);
}
