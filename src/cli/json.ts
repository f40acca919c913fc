import type { Reply } from '../core/reply.js';
import type { Diagnosis, Knowledge, Lang, ModuleEntry, ModuleId, ModuleType } from '../core/types.js';
import { fillInstance } from '../render/fill-instance.js';
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
  commands: { run: string; why: string }[];
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

/** The JSON printed by `ask --format json`: the Reply, with module ids resolved to their details. */
export type JsonReply =
  | {
      kind: 'diagnosis';
      lang: Lang;
      query: string;
      instance: string | null;
      diagnosis: Diagnosis;
      module: ModuleDetails | null;
      also: ModuleSummary[];
    }
  | { kind: 'module'; lang: Lang; instance: string | null; module: ModuleDetails }
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
    commands: entry.commands.map((c) => ({ run: fill(c.run), why: fill(c.why[lang]) })),
    logs: entry.logs.map(fill),
    docs: entry.docs.map((d) => ({ title: d.title[lang], url: docsUrl(d.url, lang) })),
    related: entry.related,
  };
}

function moduleSummary(entry: ModuleEntry, lang: Lang): ModuleSummary {
  return { id: entry.id, name: entry.name[lang], type: entry.type, scope: entry.scope[lang] };
}

/** Builds the JSON reply, resolving the diagnosis's module ids through the knowledge. */
export function toJsonReply(reply: Reply, options: JsonOptions): JsonReply {
  const { lang } = reply;
  const instance = options.instance?.trim() || null;
  const lookup = (id: ModuleId): ModuleEntry | undefined => options.knowledge.byId.get(id);
  switch (reply.kind) {
    case 'diagnosis': {
      const { diagnosis } = reply;
      const entry = diagnosis.module === null ? undefined : lookup(diagnosis.module);
      const also = diagnosis.also.flatMap((id) => {
        const found = lookup(id);
        return found ? [moduleSummary(found, lang)] : [];
      });
      const module = entry ? moduleDetails(entry, lang, options.instance) : null;
      return { kind: 'diagnosis', lang, query: reply.query, instance, diagnosis, module, also };
    }
    case 'module':
      return { kind: 'module', lang, instance, module: moduleDetails(reply.module, lang, options.instance) };
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
