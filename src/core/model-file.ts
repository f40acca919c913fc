import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { ConceptIndex } from './concepts.js';
import { FeatureNames } from './feature-names.js';
import type { LatinLang } from './tokenize-latin.js';
import type { KnowledgeCounts, TrainedModel } from './train-model.js';
import { type Knowledge, type Localized, mapLangs } from './types.js';

/** What a model was built from: a hash of the knowledge files and one of the matcher's code. */
export interface ModelStamp {
  knowledge: string;
  code: string;
}

const FORMAT = 'campaign-module model 9';
const ALIGN = 8;
const ARRAYS = { Float64Array, Float32Array, Int32Array, Int16Array, Uint16Array, Uint8Array } as const;
type ArrayType = keyof typeof ARRAYS;
type NumberArray = Float64Array | Float32Array | Int32Array | Int16Array | Uint16Array | Uint8Array;

interface Header {
  format: string;
  stamp: ModelStamp;
  knowledge: Omit<Knowledge, 'byId'>;
  counts: KnowledgeCounts;
  words: string[];
  concepts: { byStem: Record<LatinLang, [string, string[]][]>; phrases: ConceptIndex['phrases'] };
  classCount: number;
  questionBias: number;
  arrays: { name: string; type: ArrayType; length: number }[];
}

/**
 * The file: a 4-byte header length, the header as JSON (stamp, validated knowledge, feature names),
 * then the numbers as raw typed arrays, each aligned so that loading them is a view, not a parse.
 */
export function writeModelFile(path: string, model: TrainedModel, stamp: ModelStamp): void {
  const { classifier, examples } = model;
  const numbers: Record<string, NumberArray> = {
    idf: classifier.idf,
    weights: classifier.weights,
    scales: classifier.scales,
    bias: classifier.bias,
    questionWeights: model.questionCheck.weights,
    questionFormText: new TextEncoder().encode(model.questionCheck.form.joined),
    questionFormStarts: model.questionCheck.form.starts,
    questionFormIdf: model.questionCheck.formIdf,
    // The feature names joined by newlines (no feature holds one) as UTF-8, outside the JSON: decoding them is
    // half the work of parsing them as one JSON string, and one string is much faster than 100 000.
    featureText: new TextEncoder().encode(classifier.features.joined),
    featureStarts: classifier.features.starts,
    labels: examples.labels,
    starts: examples.starts,
    docs: examples.docs,
    values: examples.values,
  };
  const { byId: _, ...knowledge } = withoutExampleTexts(model.knowledge);
  const header: Header = {
    format: FORMAT,
    stamp,
    knowledge,
    counts: model.counts,
    words: model.words,
    concepts: { byStem: mapLatin(model.concepts.byStem, (map) => [...map]), phrases: model.concepts.phrases },
    classCount: classifier.classCount,
    questionBias: model.questionCheck.bias,
    arrays: Object.entries(numbers).map(([name, array]) => ({ name, type: array.constructor.name as ArrayType, length: array.length })),
  };
  const json = Buffer.from(JSON.stringify(header));
  const parts: Buffer[] = [Buffer.alloc(4), json];
  let size = 4 + json.length;
  parts[0]?.writeUInt32LE(json.length);
  for (const array of Object.values(numbers)) {
    const padding = (ALIGN - (size % ALIGN)) % ALIGN;
    parts.push(Buffer.alloc(padding), Buffer.from(array.buffer, array.byteOffset, array.byteLength));
    size += padding + array.byteLength;
  }
  // Written aside and renamed, so a process starting meanwhile reads the old file or the new one, never half of one.
  const partial = `${path}.${process.pid}.partial`;
  try {
    writeFileSync(partial, Buffer.concat(parts));
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The model and its stamp, or undefined when the file is missing, unreadable or of another format. */
export function readModelFile(path: string): { model: TrainedModel; stamp: ModelStamp } | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  const length = file.length >= 4 ? file.readUInt32LE(0) : 0;
  let header: Header;
  try {
    header = JSON.parse(file.toString('utf8', 4, 4 + length)) as Header;
  } catch {
    return undefined;
  }
  if (header.format !== FORMAT) return undefined;
  // A fresh buffer of its own, so every array can be a view on it.
  const bytes = file.byteOffset % ALIGN === 0 ? file : Buffer.from(file);
  const arrays: Record<string, NumberArray> = {};
  let at = 4 + length;
  for (const { name, type, length: count } of header.arrays) {
    at += (ALIGN - (at % ALIGN)) % ALIGN;
    const Type = ARRAYS[type];
    if (at + count * Type.BYTES_PER_ELEMENT > bytes.length) return undefined;
    arrays[name] = new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, count);
    at += count * Type.BYTES_PER_ELEMENT;
  }
  const { idf, weights, scales, bias, questionWeights, questionFormText, questionFormStarts, questionFormIdf, featureText, featureStarts, labels, starts, docs, values } = arrays;
  if (!(idf instanceof Float32Array && weights instanceof Int16Array && scales instanceof Float32Array && bias instanceof Float64Array)) return undefined;
  if (!(questionWeights instanceof Float32Array && questionFormText instanceof Uint8Array && questionFormStarts instanceof Int32Array && questionFormIdf instanceof Float32Array))
    return undefined;
  if (
    !(
      featureText instanceof Uint8Array &&
      featureStarts instanceof Int32Array &&
      labels instanceof Int32Array &&
      starts instanceof Int32Array &&
      (docs instanceof Uint16Array || docs instanceof Int32Array) &&
      values instanceof Uint16Array
    )
  )
    return undefined;
  const knowledge: Knowledge = { ...header.knowledge, byId: new Map(header.knowledge.modules.map((m) => [m.id, m])) };
  const features = FeatureNames.fromStored(utf8(featureText), featureStarts);
  const form = FeatureNames.fromStored(utf8(questionFormText), questionFormStarts);
  return {
    stamp: header.stamp,
    model: {
      knowledge,
      counts: header.counts,
      words: header.words,
      concepts: { byStem: mapLatin(header.concepts.byStem, (entries) => new Map(entries)), phrases: header.concepts.phrases },
      classifier: { classCount: header.classCount, features, idf, weights, scales, bias },
      questionCheck: { form, formIdf: questionFormIdf, weights: questionWeights, bias: header.questionBias },
      examples: { labels, starts, docs, values },
    },
  };
}

function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

function mapLatin<T, U>(byLang: Record<LatinLang, T>, change: (value: T) => U): Record<LatinLang, U> {
  return { en: change(byLang.en), de: change(byLang.de), fr: change(byLang.fr) };
}

/** The knowledge without its example texts, a third of the file: answers never read them, what they taught is in the weights. */
function withoutExampleTexts(knowledge: Knowledge): Knowledge {
  const none = (examples: Localized<string[]>): Localized<string[]> => mapLangs(examples, () => []);
  return {
    ...knowledge,
    modules: knowledge.modules.map((m) => ({ ...m, examples: none(m.examples), questions: none(m.questions) })),
    offTopic: none(knowledge.offTopic),
    howTo: none(knowledge.howTo),
    outside: knowledge.outside.map((t) => ({ ...t, examples: none(t.examples) })),
    sharedSymptoms: knowledge.sharedSymptoms.map((p) => ({ ...p, examples: none(p.examples) })),
  };
}
