import type { Diagnosis, Lang, ModuleEntry } from './types.js';

/** Text longer than this is refused before matching: a symptom report is never a novel. */
export const MAX_INPUT_CHARS = 8000;

/** What the bot says back, before any platform has shaped it. */
export type Reply =
  | { kind: 'diagnosis'; lang: Lang; diagnosis: Diagnosis; query: string }
  | { kind: 'module'; lang: Lang; module: ModuleEntry }
  | { kind: 'list'; lang: Lang; modules: ModuleEntry[] }
  | { kind: 'help'; lang: Lang }
  | { kind: 'invalid'; lang: Lang; reason: 'empty' | 'too-long' | 'no-text' };
