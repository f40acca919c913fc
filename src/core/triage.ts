import { SoftmaxClassifier, softmaxInPlace, type ClassifierOptions } from './classifier.js';
import { extractFeatures, type Feature } from './features.js';
import { NearestExamples } from './nearest-examples.js';
import { detectLanguage, writtenLanguage } from './language.js';
import { healthyMentions } from './healthy-mentions.js';
import { isTellingWord } from './evidence-words.js';
import { buildNameIndex, findModuleByName, mentionedModules } from './module-names.js';
import { normalizeText } from './normalize.js';
import { classesOf, type KnowledgeCounts, trainModel, type TrainedModel } from './train-model.js';
import { readPastedOutput, withoutHealthyListing, type PastedSignal } from './pasted-output.js';
import { processName, readHealthListing } from './health-listing.js';
import { chooseInstance, siteInstances, withoutKnownInstances } from './instance.js';
import { instancesInMessage } from './instances-in-message.js';
import { condenseLongText, isLongPaste } from './long-input.js';
import { statedOutsideCause } from './stated-cause.js';
import { typedCommands } from './typed-command.js';
import { withoutReferences } from './references.js';
import { asksWithoutTrouble } from './plain-question.js';
import { questionProbability } from './question-check.js';
import { questionForm } from './question-form.js';
import { ASKS_FEATURE, asksWhichModule } from './question-cue.js';
import { docsSearchUrl, isTooLong, type OutsideDependent, type Reply, type ReplyOptions } from './reply.js';
import { MODULE_IDS, type Candidate, type Diagnosis, type Knowledge, type Lang, type ModuleId, type OutsideTopic } from './types.js';

/** The triage core: knows no platform; text in, Diagnosis or Reply out. */
export interface Triage {
  knowledge: Knowledge;
  counts: KnowledgeCounts;
  diagnose(text: string, options?: ReplyOptions): Diagnosis;
  reply(text: string, options?: ReplyOptions): Reply;
}

const OFF_TOPIC = MODULE_IDS.length;
/**
 * A how-to answer still names the module that would be at fault if the question hides a failure: the best
 * module, when it holds at least this share of what the modules score together (its odds given a failure).
 */
const HOWTO_FITS_SHARE = 0.5;
/**
 * An outside answer names the module the fault shows in when the best module holds this share; else the topic's
 * own. Beside an outside answer the modules score little, and a generic text ("the database is down") leans on
 * words any module shares: on the held-out outside set 0.7 gets 44 of 71 right, 0.5 42, the topic's own 25.
 */
const OUTSIDE_FITS_SHARE = 0.7;
const PDUMP_COMMAND = /(?:\$\s*)?\b(?:nlserver\s+)?pdump(?:\s+-\w+)*/gi;
const CANDIDATES = 3;
const EVIDENCE_SHOWN = 5;
/** Fewer words than this is too little to read as a question for the docs: "and what about stat on mkt?" follows up on an answer. */
const QUESTION_MIN_WORDS = 7;
const WORDS = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The matcher's knobs; the defaults were chosen by cross-validation on the knowledge examples (`npm run cv`). */
export interface Tuning {
  /** At or above this off-topic probability the bot says the text is not about Campaign. */
  offTopicAt: number;
  /** Below this probability the best module is not named: the bot says it cannot tell. */
  minModuleScore: number;
  /** A second module is named when the knowledge relates it and it scores at least this share of the first. */
  alsoRatio: number;
  /** Added to a module's logit for each pasted `module@instance` line, `No tasks`, or process a pasted pdump lacks. */
  pastedBoost: number;
  /** Taken from the logit of a module the writer says is fine ("mta is up, but…"), against the other modules only. */
  healthyPenalty: number;
  /** Logits are divided by this before the softmax, so the confidence shown matches how often the bot is right. */
  temperature: number;
  /** How much the similarity to the nearest examples adds to the classifier's scores, and how many count. */
  nearestWeight: number;
  nearestCount: number;
  /**
   * A module answer to a text that asks becomes a how-to answer when the question check (question-check.ts)
   * gives it at least `questionAt` (a question more likely than not), or `questionAtSure` when the module scores
   * `questionBelow` or more. In cross-validation 0.5 rather than 0.7 gets 55 more how-to questions and 36 fewer
   * reports right; the tuning sets gain five how-to questions with 0.999 rather than 0.99. A module that sure
   * used to rule the question out: asking 0.9 of the check instead gets six more of 100 questions about planned
   * work (`tuning-planned`) and costs no report of any set, where 0.8 costs two dev reports.
   */
  questionAt: number;
  questionBelow: number;
  questionAtSure: number;
  classifier: Partial<ClassifierOptions>;
}

export const DEFAULT_TUNING: Tuning = {
  offTopicAt: 0.4,
  minModuleScore: 0.25,
  alsoRatio: 0.5,
  pastedBoost: 8,
  healthyPenalty: 5,
  temperature: 1,
  nearestWeight: 8,
  nearestCount: 3,
  questionAt: 0.5,
  questionBelow: 0.999,
  questionAtSure: 0.9,
  classifier: {},
};

const HELP_WORDS = new Set(['help', 'usage', '?', 'h', '도움말', '도움', '사용법', '헬프', 'ヘルプ', '使い方', 'hilfe', 'aide']);
// One Latin word says too little for the language detector: these say which language asked.
const COMMAND_WORD_LANG = new Map<string, Lang>([
  ['hilfe', 'de'],
  ['modulliste', 'de'],
  ['aide', 'fr'],
  ['liste des modules', 'fr'],
]);
const LIST_WORDS = new Set([
  'list',
  'modules',
  'ls',
  '목록',
  '모듈 목록',
  '리스트',
  '모듈',
  '一覧',
  'モジュール',
  'モジュール一覧',
  'liste',
  'module',
  'modulliste',
  'liste des modules',
  'list modules',
  'module list',
  'show modules',
  '목록 보여줘',
  '모듈 목록 보여줘',
]);

/**
 * Builds the matcher from the knowledge: trains on it here and now. Start-up loads a model built
 * ahead of time instead (load-model.ts); both answer alike. `defaults` is what the installation knows
 * (CAMPAIGN_INSTANCE, CAMPAIGN_INSTANCES, CAMPAIGN_MODULES); a call's own options (the CLI's --instance) take precedence.
 */
export function createTriage(knowledge: Knowledge, tuning: Partial<Tuning> = {}, defaults: ReplyOptions = {}): Triage {
  return triageFromModel(trainModel(knowledge, tuning.classifier), tuning, defaults);
}

/** The matcher of a trained model; `tuning.classifier` is what the model was trained with and is not read here. */
export function triageFromModel(model: TrainedModel, tuning: Partial<Tuning> = {}, defaults: ReplyOptions = {}): Triage {
  const { offTopicAt, minModuleScore, alsoRatio, pastedBoost, healthyPenalty, temperature, nearestWeight, nearestCount, questionAt, questionBelow, questionAtSure } = {
    ...DEFAULT_TUNING,
    ...tuning,
  };
  const { knowledge } = model;
  const names = buildNameIndex(knowledge);
  const { concepts } = model;
  const vocabulary: ReadonlySet<string> = new Set(model.words);
  const pairs = knowledge.sharedSymptoms;
  const { howTo: HOWTO, outside: OUTSIDE } = classesOf(knowledge);
  const classifier = SoftmaxClassifier.fromState(model.classifier);
  const nearest = new NearestExamples(model.examples, classifier.classCount, nearestCount);
  /** The class scores of the message being read: one array for every message, as no answer keeps it. */
  const logits = new Float64Array(classifier.classCount);
  const moduleOrder = knowledge.modules.map((m) => m.id);

  const withDefaults = (options: ReplyOptions): ReplyOptions => ({
    ...defaults,
    ...options,
    instances: { ...defaults.instances, ...options.instances },
    expectedModules: options.expectedModules ?? defaults.expectedModules,
  });

  /** The message as the matcher reads it: normalised, and a long paste cut to its telling lines first, so time stays linear. */
  function readableText(text: string): string {
    return normalizeText(condenseLongText(text))
      .replace(OWN_NAME, '')
      .replace(/[ \t]{2,}/g, ' ')
      .trim();
  }

  function diagnose(text: string, given: ReplyOptions = {}): Diagnosis {
    const options = withDefaults(given);
    const clean = readableText(text);
    return diagnoseClean(clean, options.lang ?? detectLanguage(clean), options, isLongPaste(text));
  }

  /**
   * The diagnosis of text that is already normalised and condensed. A pasted pdump is read as a health listing
   * (its running processes are no evidence, the absent ones are); links and ticket ids are not read at all.
   */
  function diagnoseClean(clean: string, lang: Lang, options: ReplyOptions, longPaste: boolean): Diagnosis {
    const health = readHealthListing(clean, options.expectedModules);
    // With the listing read, the command that printed it says nothing more ("nlserver pdump" is not the watchdog).
    const listed = health ? withoutHealthyListing(clean).replace(PDUMP_COMMAND, ' ') : withoutHealthyListing(clean);
    const read = withoutReferences(listed);
    const features = extractFeatures(withoutKnownInstances(read, options.instances?.known), names, concepts, vocabulary);
    // A module the writer calls fine ("stat@prod is fine") is no pasted evidence for itself.
    const healthy = healthyMentions(clean, names, vocabulary);
    // Most messages hold no listing: then the text without references is already at hand.
    const pasted: PastedSignal[] = readPastedOutput(listed === clean ? read : withoutReferences(clean)).filter((s) => !s.running && !healthy.includes(s.module));
    for (const gone of health?.missing ?? []) {
      // No line of evidence: the card's listing note says which processes the listing lacks, in the reader's language.
      if (!pasted.some((s) => s.module === gone.module)) pasted.push({ module: gone.module, line: '', running: false, pasted: true });
    }
    const listing = health ? { listing: { missing: health.missing.map(processName) } } : {};
    const featureIndices = classifier.indicesOf(features.map((f) => f.name));
    const vector = classifier.vectorizeIndices(featureIndices);
    if (vector.indices.length === 0 && pasted.length === 0) {
      return { module: null, confidence: 0.95, also: [], candidates: [], evidence: [], lang, ...listing, reason: 'unsure' };
    }
    const probs = classifier.scoresInto(vector, logits);
    const similarity = nearest.scores(vector);
    for (let c = 0; c < probs.length; c += 1) probs[c] = (probs[c] ?? 0) + nearestWeight * (similarity[c] ?? 0);
    // A module named in a database or network error ("mta@prod fails: PGS-220000 could not connect") is where the error
    // surfaced, not its cause: when the text reads as outside the modules before the names count, it stays so.
    if (pasted.length > 0 && !readsAsOutside(probs)) {
      for (const signal of pasted) {
        const label = moduleOrder.indexOf(signal.module);
        probs[label] = (probs[label] ?? 0) + pastedBoost;
      }
    }
    // "the database server is down so nobody can log in": the writer names the cause, and it is outside the modules.
    const cause = statedOutsideCause(clean);
    const stated = cause === undefined ? -1 : knowledge.outside.findIndex((topic) => topic.id === cause);
    if (stated !== -1) probs[OUTSIDE + stated] = (probs[OUTSIDE + stated] ?? 0) + pastedBoost;
    for (let c = 0; c < probs.length; c += 1) probs[c] = (probs[c] ?? 0) / temperature;
    // A pasted listing that lacks a process is Campaign's own output: however the writer introduces it, it is not chatter.
    if (health && health.missing.length > 0) probs[OFF_TOPIC] = Number.NEGATIVE_INFINITY;
    // Pages of log pasted are an incident's evidence, not a question for the docs, whatever routine warnings they hold.
    if (longPaste) probs[HOWTO] = Number.NEGATIVE_INFINITY;
    softmaxInPlace(probs);
    // A shared symptom of a module called fine ("mails not sent" is mta and stat) counts for it too: its weight would go back to that module.
    const healthyLabels = [
      ...healthy.map((module) => moduleOrder.indexOf(module)),
      ...pairs.flatMap((pair, i) => (pair.modules.some((module) => healthy.includes(module)) ? [OFF_TOPIC + 1 + i] : [])),
    ];
    if (healthyLabels.length > 0) lookPastHealthy(probs, healthyLabels);
    const winner = argmax(probs, OFF_TOPIC, HOWTO);
    const shared = winner > OFF_TOPIC ? pairs[winner - OFF_TOPIC - 1] : undefined;
    const scores = moduleOrder.map((module, label) => ({ module, score: probs[label] ?? 0 }));
    pairs.forEach((pair, i) => {
      const primary = scores.find((s) => s.module === pair.modules[0]);
      if (primary) primary.score += probs[OFF_TOPIC + 1 + i] ?? 0;
    });
    // Ranked before rounding: beside a how-to or off-topic answer every module rounds to 0, yet their order still says which fits best.
    const ranked: Candidate[] = [...scores].sort((a, b) => b.score - a.score).map((s) => ({ module: s.module, score: round(s.score) }));
    const [top, second] = ranked;
    const candidates = ranked.slice(0, CANDIDATES);
    const namedModules = [...new Set(features.filter((f) => f.name.startsWith('mod:')).map((f) => f.name.slice(4)))];
    const elsewhere = notAModule(probs);
    // How-to and outside answers must also beat the best module: a report that reads like a question is still a report.
    const notModule = elsewhere.total >= offTopicAt && (elsewhere.best.reason === 'off-topic' || elsewhere.best.score >= (top?.score ?? 0));
    const noModule = (confidence: number) => ({ module: null, confidence: round(confidence), also: [], candidates, evidence: [], lang, ...listing });
    if (!top || top.score < minModuleScore || notModule) {
      const base = noModule(Math.max(elsewhere.best.score, 1 - (top?.score ?? 0)));
      if (elsewhere.best.score < minModuleScore) return { ...base, reason: 'unsure' };
      if (elsewhere.best.reason === 'outside') return { ...base, reason: 'outside', outside: elsewhere.best.topic, ...withFits(scores, OUTSIDE_FITS_SHARE) };
      if (elsewhere.best.reason === 'howto') return { ...base, reason: 'howto', ...withFits(scores, HOWTO_FITS_SHARE) };
      return { ...base, reason: 'off-topic' };
    }
    if (
      !longPaste &&
      !pasted.some((p) => p.pasted) &&
      features.some((f) => f.name === ASKS_FEATURE) &&
      !asksWhichModule(clean, namedModules.length) &&
      wordCount(clean) >= QUESTION_MIN_WORDS
    ) {
      const asks = questionProbability(model.questionCheck, vector, questionForm(read));
      if (asks >= (top.score < questionBelow ? questionAt : questionAtSure)) return { ...noModule(asks), reason: 'howto', ...withFits(scores, HOWTO_FITS_SHARE) };
    }
    // "Der MTA ist abgestürzt" reads as the watchdog, which restarts crashed processes: the one module named is the process down.
    const downBesideWatchdog = top.module === 'watchdog' && namedModules.length === 1 ? moduleOrder.find((m) => m === namedModules[0] && m !== 'watchdog') : undefined;
    const also = alsoModules(top, second, [...new Set([...(downBesideWatchdog ? [downBesideWatchdog] : []), ...pasted.map((p) => p.module)])], shared?.modules[1]);
    const namedLines = pasted.filter((p) => p.line !== '' && (p.module === top.module || also.includes(p.module))).map((p) => p.line);
    const evidenceLabel = shared ? winner : moduleOrder.indexOf(top.module);
    return { module: top.module, confidence: top.score, also, candidates, evidence: evidence(evidenceLabel, features, featureIndices, namedLines), lang, ...listing };
  }

  /**
   * Moves the weight of the modules the writer calls fine to the other modules. What the text is about does not
   * change: "the import ran fine, but no recipient was updated" is still a module problem, only not that module's.
   */
  function lookPastHealthy(probs: Float64Array, healthyLabels: number[]): void {
    const moduleClasses = HOWTO; // the modules, then off-topic, then the shared-symptom pairs
    let before = 0;
    let after = 0;
    for (let c = 0; c < moduleClasses; c += 1) {
      if (c === OFF_TOPIC) continue;
      before += probs[c] ?? 0;
      if (healthyLabels.includes(c)) probs[c] = (probs[c] ?? 0) * Math.exp(-healthyPenalty / temperature);
      after += probs[c] ?? 0;
    }
    if (after === 0) return;
    for (let c = 0; c < moduleClasses; c += 1) if (c !== OFF_TOPIC) probs[c] = ((probs[c] ?? 0) * before) / after;
  }

  /** Whether scores not yet normalised put an outside topic ahead of every module. */
  function readsAsOutside(scores: Float64Array): boolean {
    const probs = scores.map((score) => score / temperature);
    softmaxInPlace(probs);
    const { best } = notAModule(probs);
    if (best.reason !== 'outside') return false;
    let topModule = 0;
    for (let label = 0; label < moduleOrder.length; label += 1) topModule = Math.max(topModule, probs[label] ?? 0);
    return best.score > topModule;
  }

  /**
   * The probability that the text is no module's failure, and its likeliest kind. The outside topics
   * count as one kind, so a database error is not outvoted by chatter because its mass is split by topic.
   */
  function notAModule(probs: Float64Array): { total: number; best: { reason: 'howto' | 'outside' | 'off-topic'; score: number; topic?: string } } {
    const offTopic = probs[OFF_TOPIC] ?? 0;
    const howTo = probs[HOWTO] ?? 0;
    let outside = 0;
    let topic: { id: string; score: number } | undefined;
    knowledge.outside.forEach((t, i) => {
      const score = probs[OUTSIDE + i] ?? 0;
      outside += score;
      if (!topic || score > topic.score) topic = { id: t.id, score };
    });
    const total = offTopic + howTo + outside;
    if (topic && outside > offTopic && outside > howTo) return { total, best: { reason: 'outside', score: outside, topic: topic.id } };
    if (howTo > offTopic) return { total, best: { reason: 'howto', score: howTo } };
    return { total, best: { reason: 'off-topic', score: offTopic } };
  }

  function alsoModules(top: Candidate, second: Candidate | undefined, pastedModules: ModuleId[], sharedWith?: ModuleId): ModuleId[] {
    const also = pastedModules.filter((m) => m !== top.module);
    if (sharedWith && sharedWith !== top.module && !also.includes(sharedWith)) also.unshift(sharedWith);
    const related = knowledge.byId.get(top.module)?.related ?? [];
    if (second && related.includes(second.module) && second.score >= top.score * alsoRatio && !also.includes(second.module)) {
      also.unshift(second.module);
    }
    return also.slice(0, 3);
  }

  function evidence(label: number, features: Feature[], featureIndices: readonly (number | undefined)[], pastedLines: string[]): string[] {
    const bySurface = new Map<string, number>();
    for (const [i, f] of features.entries()) {
      const weight = classifier.contribution(featureIndices[i], label);
      const known = bySurface.get(f.surface);
      if (weight > 0 && (known !== undefined || isTellingWord(f.surface))) bySurface.set(f.surface, Math.max(known ?? 0, weight));
    }
    const words = [...bySurface.entries()].sort((a, b) => b[1] - a[1]).map(([surface]) => surface);
    const all = [...pastedLines, ...words];
    // The first five that no earlier entry contains or is contained in: stop there, a long paste has thousands.
    const shown: string[] = [];
    for (let i = 0; i < all.length && shown.length < EVIDENCE_SHOWN; i += 1) {
      const w = all[i] ?? '';
      const lower = w.toLowerCase();
      if (!all.slice(0, i).some((prev) => prev.toLowerCase().includes(lower) || lower.includes(prev.toLowerCase()))) shown.push(w);
    }
    return shown;
  }

  function reply(text: string, given: ReplyOptions = {}): Reply {
    const options = withDefaults(given);
    if (isTooLong(text)) return { kind: 'invalid', lang: options.lang ?? detectLanguage(text.slice(0, 2000)), reason: 'too-long' };
    const clean = readableText(text);
    const written = writtenLanguage(clean);
    const lang = options.lang ?? (written === 'other' ? 'en' : written);
    // "help", "help?", "/help", "list." alike; a lone "?" stays the call for help it is.
    const command = clean
      .toLowerCase()
      .replace(/(?<=.)[.!。?？]+$/u, '')
      .replace(/^\/(?=\p{L})/u, '')
      .trim();
    const commandLang = options.lang ?? COMMAND_WORD_LANG.get(command) ?? lang;
    // Nothing left once terminal colours and control characters are cleaned away is no call for help: it says nothing.
    if (!command && text.replace(OWN_NAME, '').trim() !== '') return { kind: 'invalid', lang, reason: 'no-text' };
    if (!command || HELP_WORDS.has(command)) return { kind: 'help', lang: commandLang };
    if (LIST_WORDS.has(command)) return { kind: 'list', lang: commandLang, modules: knowledge.modules };
    if (!/[\p{L}\p{N}]/u.test(clean)) return { kind: 'invalid', lang, reason: 'no-text' };
    if (written === 'other' && !options.lang) return { kind: 'invalid', lang, reason: 'language' };
    const instanceText = options.instanceFrom === undefined ? clean : readableText(options.instanceFrom);
    const named = findModuleByName(names, knowledge, clean);
    if (named)
      return {
        kind: 'module',
        lang,
        module: named,
        instance: chooseInstance(instancesInMessage(instanceText, null, siteInstances(options.instances)), named.id, options.instances),
      };
    // The diagnosis keeps the language the text is written in; --lang changes only the language of the answer.
    const read = diagnoseClean(clean, written === 'other' ? lang : written, options, isLongPaste(text));
    const typed = typedCommands(clean);
    const diagnosis = typed.length > 0 ? { ...read, typedCommands: typed } : read;
    const instances = instancesInMessage(instanceText, diagnosis, siteInstances(options.instances));
    // How-to and outside cards name no module of their own, but their buttons open module cards on the instance the asker named.
    if (diagnosis.reason === 'howto') {
      return { kind: 'howto', lang, diagnosis, query: clean, search: docsSearchUrl(withoutReferences(clean), lang), instance: chooseInstance(instances, null, options.instances) };
    }
    const topic = diagnosis.reason === 'outside' ? knowledge.outside.find((t) => t.id === diagnosis.outside) : undefined;
    if (topic) {
      // "wfserver@prod fails with ORA-12541": the module the asker is looking at, which shows the error without causing it.
      const named = mentionedModules(withoutReferences(clean), names, vocabulary).find((m) => m.module !== topic.dependent)?.module;
      // Beside a module the text names, where the error shows, the best module counts only when it is that one.
      const dependent = dependentOf(topic, named && diagnosis.fits !== named ? undefined : diagnosis.fits);
      return {
        kind: 'outside',
        lang,
        diagnosis,
        query: clean,
        topic,
        ...(named && { named }),
        // The line about the named module already says to check it once the cause is fixed.
        ...(dependent && dependent.module !== named && { dependent }),
        instance: chooseInstance(instances, null, options.instances),
      };
    }
    const asked = diagnosis.module && asksWithoutTrouble(clean) ? { search: docsSearchUrl(withoutReferences(clean), lang) } : {};
    return { kind: 'diagnosis', lang, diagnosis, query: clean, instance: chooseInstance(instances, diagnosis.module, options.instances), ...asked };
  }

  /**
   * The module an outside fault shows in: the one the text points at ("clicks in yesterday's email hit a certificate
   * warning" is the tracking front, not the topic's usual mta), else the topic's own, with the reason it depends.
   */
  function dependentOf(topic: OutsideTopic, fits: ModuleId | undefined): OutsideDependent | undefined {
    // A module of a shared symptom ("mails not sent": mta and stat) stands for the pair's first, where that symptom is checked first.
    const module = fits && (pairs.find((pair) => pair.modules.includes(fits))?.modules[0] ?? fits);
    const entry = module && module !== topic.dependent ? knowledge.byId.get(module) : undefined;
    if (entry) return { module: entry.id, why: entry.scope };
    return topic.dependent && { module: topic.dependent, ...(topic.dependentWhy && { why: topic.dependentWhy }) };
  }

  return { knowledge, counts: model.counts, diagnose, reply };
}

/** The bot's own name typed as text ("/campaign-module @campaign-module mta down"): its words would read as the whole platform. */
const OWN_NAME = /@?\bcampaign[-_ ]?module\b/gi;

/** The module a question points at if it hides a failure, or an outside fault shows in, when one stands out among the modules. */
function withFits(scores: readonly { module: ModuleId; score: number }[], share: number): { fits?: ModuleId } {
  const mass = scores.reduce((sum, s) => sum + s.score, 0);
  const top = scores.reduce<{ module: ModuleId; score: number } | undefined>((best, s) => (!best || s.score > best.score ? s : best), undefined);
  return top && mass > 0 && top.score / mass >= share ? { fits: top.module } : {};
}

function wordCount(text: string): number {
  let count = 0;
  for (const segment of WORDS.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}

/** The best class among the modules and shared-symptom pairs: from 0 up to `end`, leaving out `skip`. */
function argmax(values: Float64Array, skip: number, end: number): number {
  let best = -1;
  for (let i = 0; i < end; i += 1) {
    if (i !== skip && (best === -1 || (values[i] ?? 0) > (values[best] ?? 0))) best = i;
  }
  return best;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
