import type { InstanceChoice, InstanceSource } from '../core/instance.js';
import type { Reply } from '../core/reply.js';
import type { Diagnosis, Knowledge, Lang, ModuleEntry, ModuleId, ModuleType } from '../core/types.js';
import { fillInstance } from '../render/fill-instance.js';
import { instanceName, instanceNotes, instanceOf } from '../render/instance-choice.js';
import { docsUrl, labelsFor } from '../render/labels.js';
import { invalidMessage, type InvalidReason } from '../render/invalid-message.js';

/** One module as a script wants it: one language, instance filled in, doc links localised. */
export interface ModuleDetails {
  id: ModuleId;
  name: string;
  type: ModuleType;
  scope: string;
  summary: string;
  steps: string[];
  /** Safest first; `caution` says what a disruptive command costs and how to get back to normal. */
  commands: { run: string; why: string; caution?: string }[];
  logs: string[];
  docs: { title: string; url: string }[];
  related: ModuleId[];
}

export interface ModuleSummary {
  id: ModuleId;
  name: string;
  type: ModuleType;
  scope: string;
}

/** Which instance the commands use (null: they show `<instance>`), where it came from, and the card's sentences about it. */
export interface JsonInstance {
  instance: string | null;
  instanceSource: InstanceSource;
  instanceNotes: string[];
}

/** The JSON printed by `ask --format json`: the Reply, with module ids resolved to their details. */
export type JsonReply =
  | ({
      kind: 'diagnosis';
      lang: Lang;
      query: string;
      diagnosis: Diagnosis;
      module: ModuleDetails | null;
      also: ModuleSummary[];
      /** A docs search, when the text asks and names no trouble; null otherwise. */
      search: string | null;
    } & JsonInstance)
  | ({ kind: 'module'; lang: Lang; module: ModuleDetails } & JsonInstance)
  | { kind: 'howto'; lang: Lang; query: string; search: string; fits: ModuleSummary | null; diagnosis: Diagnosis }
  | {
      kind: 'outside';
      lang: Lang;
      query: string;
      topic: { id: string; title: string; says: string; dependent: ModuleSummary | null; dependentWhy: string | null };
      /** The module the message names, where the error shows without being caused; null when it names none. */
      named: ModuleSummary | null;
      diagnosis: Diagnosis;
    }
  | { kind: 'list'; lang: Lang; modules: ModuleSummary[] }
  | { kind: 'help'; lang: Lang; title: string; text: string; examples: string[] }
  | { kind: 'invalid'; lang: Lang; reason: InvalidReason; message: string };

export interface JsonOptions {
  instance?: string;
  /** Where a diagnosis's module ids are looked up (a diagnosis carries ids, not entries). */
  knowledge: Pick<Knowledge, 'byId'>;
}

/** A module in one language with `{instance}` filled in everywhere it appears. */
export function moduleDetails(entry: ModuleEntry, lang: Lang, instance?: string): ModuleDetails {
  const fill = (text: string): string => fillInstance(text, instance);
  return {
    id: entry.id,
    name: entry.name[lang],
    type: entry.type,
    scope: fill(entry.scope[lang]),
    summary: fill(entry.summary[lang]),
    steps: entry.remediation[lang].map(fill),
    commands: entry.commands.map((c) => ({ run: fill(c.run), why: fill(c.why[lang]), ...(c.caution && { caution: fill(c.caution[lang]) }) })),
    logs: entry.logs.map(fill),
    docs: entry.docs.map((d) => ({ title: d.title[lang], url: docsUrl(d.url, lang) })),
    related: entry.related,
  };
}

function moduleSummary(entry: ModuleEntry, lang: Lang): ModuleSummary {
  return { id: entry.id, name: entry.name[lang], type: entry.type, scope: entry.scope[lang] };
}

function jsonInstance(choice: InstanceChoice, lang: Lang): JsonInstance {
  return { instance: choice.name, instanceSource: choice.source, instanceNotes: instanceNotes(choice, lang, 'cli') };
}

/** Builds the JSON reply, resolving the diagnosis's module ids through the knowledge. */
export function toJsonReply(reply: Reply, options: JsonOptions): JsonReply {
  const { lang } = reply;
  const choice = instanceOf(reply, options.instance);
  const instance = instanceName(choice);
  const lookup = (id: ModuleId): ModuleEntry | undefined => options.knowledge.byId.get(id);
  switch (reply.kind) {
    case 'diagnosis': {
      const { diagnosis } = reply;
      const entry = diagnosis.module === null ? undefined : lookup(diagnosis.module);
      const also = diagnosis.also.flatMap((id) => {
        const found = lookup(id);
        return found ? [moduleSummary(found, lang)] : [];
      });
      const module = entry ? moduleDetails(entry, lang, instance) : null;
      return { kind: 'diagnosis', lang, query: reply.query, ...jsonInstance(choice, lang), diagnosis, module, also, search: reply.search ?? null };
    }
    case 'module':
      return { kind: 'module', lang, ...jsonInstance(choice, lang), module: moduleDetails(reply.module, lang, instance) };
    case 'howto': {
      const fits = reply.diagnosis.fits ? lookup(reply.diagnosis.fits) : undefined;
      return { kind: 'howto', lang, query: reply.query, search: reply.search, fits: fits ? moduleSummary(fits, lang) : null, diagnosis: reply.diagnosis };
    }
    case 'outside': {
      const { topic } = reply;
      const dependent = reply.dependent ? lookup(reply.dependent.module) : undefined;
      const named = reply.named ? lookup(reply.named) : undefined;
      return {
        kind: 'outside',
        lang,
        query: reply.query,
        topic: {
          id: topic.id,
          title: topic.title[lang],
          says: topic.says[lang],
          dependent: dependent ? moduleSummary(dependent, lang) : null,
          dependentWhy: reply.dependent?.why?.[lang] ?? null,
        },
        named: named ? moduleSummary(named, lang) : null,
        diagnosis: reply.diagnosis,
      };
    }
    case 'list':
      return { kind: 'list', lang, modules: reply.modules.map((m) => moduleSummary(m, lang)) };
    case 'help': {
      const labels = labelsFor(lang);
      return { kind: 'help', lang, title: labels.helpTitle, text: labels.help, examples: [...labels.helpExamples] };
    }
    case 'invalid':
      return { kind: 'invalid', lang, reason: reply.reason, message: invalidMessage(reply.reason, lang) };
  }
}

/** The JSON reply as pretty-printed text. */
export function renderJson(reply: Reply, options: JsonOptions): string {
  return JSON.stringify(toJsonReply(reply, options), null, 2);
}
