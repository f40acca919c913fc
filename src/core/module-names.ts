import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import type { Knowledge, ModuleEntry, ModuleId } from './types.js';
import { phrasesIn } from './phrase-filter.js';
import { Remembered } from './remembered.js';

/** Every spelling of every module, folded for comparison. */
export interface NameIndex {
  exact: Map<string, ModuleId>;
  /** Latin single-word names long enough for fuzzy matching. */
  fuzzy: { key: string; module: ModuleId }[];
  /** Names that contain Hangul or spaces: matched as substrings of the folded text. */
  phrases: { key: string; module: ModuleId }[];
  /** fuzzyName's recent answers: training looks up the same words thousands of times. */
  fuzzyCache: Remembered<ModuleId | undefined>;
}

/** Lower-case, drop hyphens/underscores/dots, collapse spaces: "WF-Server" → "wf server". */
export function foldName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[-_.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Builds the index once per knowledge load. */
export function buildNameIndex(knowledge: Knowledge): NameIndex {
  const exact = new Map<string, ModuleId>();
  const fuzzy: NameIndex['fuzzy'] = [];
  const phrases: NameIndex['phrases'] = [];
  for (const entry of knowledge.modules) {
    for (const name of [entry.id, ...entry.aliases]) {
      const key = foldName(name);
      if (!key) continue;
      exact.set(key, entry.id);
      exact.set(key.replace(/ /g, ''), entry.id);
      if (/[\uAC00-\uD7A3 ]/.test(key)) phrases.push({ key, module: entry.id });
      else if (key.length >= 5) fuzzy.push({ key, module: entry.id });
    }
  }
  phrases.sort((a, b) => b.key.length - a.key.length);
  return { exact, fuzzy, phrases, fuzzyCache: new Remembered(FUZZY_CACHE_LIMIT) };
}

/**
 * "What does the web module do?", "stat 은 무슨 역할이에요", "trackinglogd とは": a question about what one module is,
 * and nothing else, which its card answers. Any other word ("what is wfserver doing since noon") leaves it to the matcher.
 */
const ABOUT_A_MODULE = [
  /^(?:what(?:'s| is| are| does)|whats|explain|describe|tell me about)\s+(.+?)(?:\s+(?:used for|for|do|does|responsible for|in charge of))?(?:\s+exactly)?$/,
  /^(.+?)\s*(?:은|는|이|가|이란|란)?\s*(?:뭐(?:야|예요|에요|임|죠)?|무엇(?:인가요|입니까|이에요|이야)?|뭔가요|뭐\s?하는\s?(?:거|건|모듈|프로세스)(?:야|예요|에요|이에요|인가요|이야|죠)?|(?:무슨|어떤)\s?(?:역할|일)(?:을\s?하나요|이에요|인가요|을\s?해요)?|역할(?:이|은)?\s?뭐(?:야|예요|에요|죠)?)$/,
  /^(.+?)\s*(?:とは(?:何ですか|なに|何)?|って何(?:ですか)?|(?:は|って|とは)何をする(?:もの|モジュール|プロセス)?(?:ですか)?)$/,
  /^(?:was (?:ist|macht|tut)|wofür ist|wozu dient)\s+(.+?)(?:\s+(?:eigentlich|genau))?$/,
  /^(?:qu'est ce que|qu'est-ce que|que fait|c'est quoi|à quoi sert|a quoi sert)\s+(.+?)$/,
];

/** The module a short, already normalised text names ("mta", "sylogd", "wf server", "와치독 모듈") or asks what it is, if it names exactly one. */
export function findModuleByName(index: NameIndex, knowledge: Knowledge, text: string): ModuleEntry | undefined {
  const asked = foldName(text)
    .replace(/^\/?campaign module\s+/, '')
    .replace(/[?!。？]+$/, '')
    .trim();
  const key = (ABOUT_A_MODULE.map((frame) => frame.exec(asked)?.[1]).find(Boolean) ?? asked)
    .replace(/^(?:(?:the|der|die|das|le|la)\s+|l')?(?:(?:module|modul)\s+)?/, '')
    .replace(/\s*(module|process|modul|processus|모듈|프로세스|モジュール|プロセス)$/, '')
    .replace(/@[\w-]+$/, '')
    .trim();
  if (!key || key.length > 40) return undefined;
  const id = index.exact.get(key) ?? index.exact.get(key.replace(/ /g, '')) ?? fuzzyName(index, key.replace(/ /g, ''));
  return id ? knowledge.byId.get(id) : undefined;
}

/** How many misspelt words fuzzyName remembers. */
const FUZZY_CACHE_LIMIT = 20_000;

/** Closest module name for a misspelt single word ("trakinglogd", "wfsever"), or undefined when none is close. */
export function fuzzyName(index: NameIndex, word: string): ModuleId | undefined {
  if (word.length < 5 || /[^a-z0-9]/.test(word)) return undefined;
  return index.fuzzyCache.get(word, () => closestName(index, word));
}

function closestName(index: NameIndex, word: string): ModuleId | undefined {
  let best: { module: ModuleId; score: number } | undefined;
  for (const { key, module } of index.fuzzy) {
    if (Math.abs(key.length - word.length) > 2) continue;
    const score = JaroWinklerDistance(word, key);
    if (score >= 0.9 && score > (best?.score ?? 0) && DamerauLevenshteinDistance(word, key) <= (key.length >= 8 ? 2 : 1)) {
      best = { module, score };
    }
  }
  return best?.module;
}

/** Modules named in free text: whole-word names, multi-word or Korean phrases, and close misspellings of unknown words. */
export function mentionedModules(text: string, names: NameIndex, vocabulary?: ReadonlySet<string>): { module: ModuleId; surface: string }[] {
  const found: { module: ModuleId; surface: string }[] = [];
  const folded = ` ${text.normalize('NFKC').toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ')} `;
  for (const i of phrasesIn(folded, names.phrases, (phrase) => phrase.key)) {
    const { key, module } = names.phrases[i] as (typeof names.phrases)[number];
    found.push({ module, surface: key });
  }
  for (const word of folded.match(/[a-z][a-z0-9]*(?:@[\w-]+)?/g) ?? []) {
    const bare = word.replace(/@.*$/, '');
    const exact = names.exact.get(bare);
    if (exact) found.push({ module: exact, surface: word });
    else if (bare.length >= 6 && !vocabulary?.has(bare)) {
      const fuzzy = fuzzyName(names, bare);
      if (fuzzy) found.push({ module: fuzzy, surface: word });
    }
  }
  return found;
}
