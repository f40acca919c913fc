import { SoftmaxClassifier, type ClassifierOptions, type ClassifierState, type TrainingDoc } from './classifier.js';
import { buildConceptIndex, type ConceptIndex } from './concepts.js';
import { extractFeatures } from './features.js';
import { buildNameIndex } from './module-names.js';
import { indexExamples, type ExampleIndex } from './nearest-examples.js';
import { normalizeText } from './normalize.js';
import { type QuestionCheck, trainQuestionCheck } from './question-check.js';
import { questionForm } from './question-form.js';
import { exampleCount, LANGS, type Localized, MODULE_IDS, type Knowledge } from './types.js';

/** Everything the matcher learns from the knowledge, as plain data: built ahead of time into dist/, loaded at start-up. */
/** What the model learnt from, for the start-up line and /healthz. */
export interface KnowledgeCounts {
  modules: number;
  examples: number;
  offTopicExamples: number;
}

export interface TrainedModel {
  /** The knowledge the cards show. A model read from its file carries no example texts: what they taught is in the weights, and `counts` says how many there were. */
  knowledge: Knowledge;
  counts: KnowledgeCounts;
  /** Every Latin word of the training texts: an unknown word may be a misspelt module name, a known one is not. */
  words: string[];
  classifier: ClassifierState;
  /** Whether a text that asks about a module with nothing broken is a question for the docs (question-check.ts). */
  questionCheck: QuestionCheck;
  /** The real symptom reports (not names or card text): the only ones that serve as nearest examples, indexed by their less common features. */
  examples: ExampleIndex;
  /** The glossary indexed by stem: stemming it in three languages is most of a cold start's work, so it is built once here. */
  concepts: ConceptIndex;
}

/**
 * Class numbers: the modules in knowledge order, then off-topic, each shared-symptom pair, how-to questions,
 * and each outside topic: how-to and outside topics are answers, not a lack of one.
 */
export function classesOf(knowledge: Knowledge): { offTopic: number; howTo: number; outside: number; count: number } {
  const offTopic = MODULE_IDS.length;
  const howTo = offTopic + 1 + knowledge.sharedSymptoms.length;
  return { offTopic, howTo, outside: howTo + 1, count: howTo + 1 + knowledge.outside.length };
}

/** Turns every text of the knowledge into features and trains the classifier and the nearest-example index on them. */
export function trainModel(knowledge: Knowledge, options: Partial<ClassifierOptions> = {}): TrainedModel {
  const names = buildNameIndex(knowledge);
  const concepts = buildConceptIndex(knowledge.glossary);
  const classes = classesOf(knowledge);
  const words = new Set<string>();
  const docs: TrainingDoc[] = [];
  const reports: TrainingDoc[] = [];
  // What the question check learns from: reports (false) against questions (true); card texts are neither.
  const asked: { doc: TrainingDoc; form: string[]; asks: boolean }[] = [];
  const addDoc = (text: string, label: number, weight: number, asks?: boolean) => {
    const clean = normalizeText(text);
    for (const word of clean.toLowerCase().match(/[a-z][a-z0-9]*/g) ?? []) words.add(word);
    const doc = { features: extractFeatures(clean, names, concepts).map((f) => f.name), label, weight };
    docs.push(doc);
    if (weight === 1) reports.push(doc);
    if (asks !== undefined) asked.push({ doc, form: questionForm(clean), asks });
  };
  knowledge.modules.forEach((entry, label) => {
    for (const example of everyLanguage(entry.examples)) addDoc(example, label, 1, false);
    // For the classifier a settings question still points at its module; the question check learns it is a question.
    for (const question of everyLanguage(entry.questions)) addDoc(question, label, 1, true);
    // The card text teaches facts the examples may not mention; it is worded unlike a report, so it counts less.
    for (const alias of [entry.id, ...entry.aliases]) addDoc(alias, label, 0.5);
    for (const lang of LANGS) {
      // A language the file leaves out shows the English text: learnt once, in English.
      if (lang !== 'en' && entry.summary[lang] === entry.summary.en) continue;
      addDoc(`${entry.scope[lang]}. ${entry.summary[lang]}`, label, 0.5);
      for (const step of entry.remediation[lang]) addDoc(step, label, 0.4);
      for (const command of entry.commands) addDoc(command.why[lang], label, 0.3);
    }
  });
  for (const example of everyLanguage(knowledge.offTopic)) addDoc(example, classes.offTopic, 1);
  // Each shared symptom is a class of its own, so "mails are no longer sent" can win as "mta and stat".
  knowledge.sharedSymptoms.forEach((pair, i) => {
    for (const example of everyLanguage(pair.examples)) addDoc(example, classes.offTopic + 1 + i, 1, false);
  });
  for (const example of everyLanguage(knowledge.howTo)) addDoc(example, classes.howTo, 1, true);
  knowledge.outside.forEach((topic, i) => {
    for (const example of everyLanguage(topic.examples)) addDoc(example, classes.outside + i, 1);
  });

  const classifier = new SoftmaxClassifier(classes.count);
  classifier.train(docs, options);
  const state = classifier.toState();
  const questionCheck = trainQuestionCheck(
    asked.map(({ doc, form, asks }) => ({ vector: classifier.vectorize(doc.features), form, asks })),
    state.features.length,
  );
  const common = commonFeatures(reports);
  const examples = indexExamples(
    reports.map((doc) => ({ vector: classifier.vectorize(doc.features.filter((f) => !common.has(f))), label: doc.label })),
    state.features.length,
  );
  const counts = {
    modules: knowledge.modules.length,
    examples: knowledge.modules.reduce((sum, m) => sum + exampleCount(m.examples) + exampleCount(m.questions), 0),
    offTopicExamples: exampleCount(knowledge.offTopic),
  };
  return { knowledge, counts, words: [...words], classifier: state, questionCheck, examples, concepts };
}

/**
 * A feature found in more than this share of the reports (a glossary concept like "send", the grams of "server")
 * says little about which report a message is closest to, and its long posting list is most of a query's work:
 * the nearest-example index leaves it out, the classifier keeps it. Measured with cross-validation and the blind
 * judge sets in bench/data: as accurate as indexing every feature, and a tenth less time a message.
 */
const NEAREST_MAX_SHARE = 0.03;
/** A list this short costs nothing worth saving: a small knowledge base (a trial, a test) keeps its features. */
const NEAREST_MIN_COMMON = 50;

function commonFeatures(reports: readonly TrainingDoc[]): Set<string> {
  const reportsHolding = new Map<string, number>();
  for (const doc of reports) for (const f of new Set(doc.features)) reportsHolding.set(f, (reportsHolding.get(f) ?? 0) + 1);
  const limit = Math.max(NEAREST_MAX_SHARE * reports.length, NEAREST_MIN_COMMON);
  return new Set([...reportsHolding].filter(([, count]) => count > limit).map(([f]) => f));
}

function everyLanguage(examples: Localized<string[]>): string[] {
  return LANGS.flatMap((lang) => examples[lang]);
}
