import { MODULE_IDS, type TypedCommand } from './types.js';

const VERBS: readonly (readonly [RegExp, string])[] = [
  [/^(?:다시\s?시작|재시작|재기동)$/, 'restart'],
  [/^(?:시작|기동)$/, 'start'],
  [/^(?:중지|정지)$/, 'stop'],
  [/^구성$/, 'config'],
  [/^종료$/, 'shutdown'],
  [/^상태$/, 'status'],
];
const WORDS = new Map([['웹', 'web']]);
const KOREAN_WORD = '다시\\s?시작|재시작|재기동|시작|기동|중지|정지|구성|종료|상태|웹';
/** A word of a command: a translated one, a module (with its instance) or an option, each ending where the word does. */
const TOKEN = `(?:${KOREAN_WORD}|(?:${MODULE_IDS.join('|')})(?:@[\\w-]+)?|-[\\w:*]+)(?=\\s|$|[.,!?)])`;
const COMMAND = new RegExp(`((?:/etc/init\\.d/)?nlserver6?)((?:\\s+${TOKEN}){1,4})`, 'gi');

/**
 * Korean pages of the vendor's docs translate words inside commands ("nlserver 시작 웹" for `nlserver start web`,
 * "nlserver 구성 -reload" for `nlserver config -reload`); nlserver knows only the English, so a command copied
 * from them fails. This finds such a command in a message and says what to type instead.
 */
export function typedCommands(text: string): TypedCommand[] {
  const found: TypedCommand[] = [];
  for (const match of text.matchAll(COMMAND)) {
    const [typed, program, rest] = match;
    if (!typed || !program || !rest) continue;
    const tokens = rest.trim().split(/\s+/);
    let verb: string | undefined;
    const others: string[] = [];
    for (let i = 0; i < tokens.length; i += 1) {
      // "다시 시작" is one verb written as two words.
      const token = tokens[i] === '다시' && tokens[i + 1] === '시작' ? `다시 ${tokens[++i]}` : (tokens[i] ?? '');
      const english = VERBS.find(([pattern]) => pattern.test(token))?.[1];
      if (english && verb === undefined) verb = english;
      else others.push(WORDS.get(token) ?? token);
    }
    // "nlserver 재시작 해도 되나요" asks whether to restart it: a verb alone is the docs' form only for shutdown and the init script.
    const complete = others.length > 0 || verb === 'shutdown' || program.startsWith('/etc/init.d/');
    if (verb === undefined || !complete || others.some((t) => /[\uac00-\ud7a3]/.test(t))) continue;
    found.push({ typed: typed.trim(), english: [program, verb, ...others].join(' ') });
  }
  return found;
}
