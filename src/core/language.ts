import { LOG_LINE } from './long-input.js';
import { withoutHealthyListing } from './pasted-output.js';
import { withoutReferences } from './references.js';
import type { Lang } from './types.js';

/** A language the bot does not read (Spanish, Chinese, Russian…): answered in English, saying which it reads. */
export type WrittenLanguage = Lang | 'other';

const HAN = /\p{Script=Han}/gu;
const OTHER_SCRIPTS = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}]/gu;
/** Han characters with no kana beside them: a short Japanese label ("配信失敗") or Chinese. Longer runs are taken for Chinese. */
const LONGEST_KANJI_ONLY = 7;
/** Common simplified forms Japanese writes otherwise (无 for 無, 发 for 発, 们, 这…): a short kanji-only text with one is Chinese. */
const SIMPLIFIED_CHINESE = /[们这说时为过还对让样现务问题进关开门车东长从么电动运连错误败显执启统册户页网络设请帮谢认证记录码单级线实际经应该确块报处类变换态无发邮吗]/u;

// Words that show which Latin-script language a short message is written in, once the product
// terms people write in English whatever their language (mta, workflow, down) are set aside.
const FUNCTION_WORDS: Record<'en' | 'de' | 'fr' | 'other', ReadonlySet<string>> = {
  en: new Set(
    'the an and is are were be been being not no to of in on for with from at by this that these those it its we i you they our my your have has had do does did don t doesn isn aren wasn can cannot won any all since after before when why how what where which there still anymore anyone please help getting keeps stuck working running nothing today yesterday morning night again only just but or if than then every keep keeps go goes going went gone out up seems looks someone anybody shows showing says said sent send sending stopped started failed new last hour hours would should could need tried'.split(
      ' ',
    ),
  ),
  de: new Set(
    'der die das den dem des an in ein eine einen einem einer eines und ist sind war waren wird werden wurde wurden nicht kein keine keinen keiner mit auf für fuer von zu zum zur im bei nach seit aus auch noch schon mehr alle wir ich es sie er wie was warum wo wann kann können koennen hat haben habe gibt läuft laeuft laufen geht gehen hängt haengt hängen bleibt heute gestern morgen mal bitte jemand funktioniert oder aber dass weil wenn dann nur sehr immer wieder uns unser unsere unseren hier da doch gerade seit seitdem über ueber ohne sollte steht stehen fehlt fehler kommen kommt kam tot zeigt zeigen manche andere bringt bringen neuer neue neues dort entsteht gar nichts voll voller listet wirklich jede jeder jedes kaputt leer sieht passt zusammen moin'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le la les un une des du de et est sont était etait ne pas plus que qui quoi sur dans pour avec par depuis ce cette ces nous je il elle on ils leur mon ma mes notre nos vous tu au aux à en rien tous tout toutes mais ou où comment pourquoi quand encore déjà deja bien très tres fonctionne marche bloqué bloque bloquée reste restent aujourd hui hier ça ca se son sa ses été ete avons avez suis fait faire quelqu aucun aucune toujours'.split(
      ' ',
    ),
  ),
  other: new Set(
    'el los las es está esta están estan por para con pero muy hay también tambien qué cuando donde desde hasta nada funciona gli sono non per che della delle degli questo questa ancora perché perche não nao são sao com mais isso het een van niet zijn ook maar voor naar wat niets werkt servidor correo correos envío envio envíos envios pendiente pendientes arranca responde ayuda usuarios servizio posta invio inviati'.split(
      ' ',
    ),
  ),
};
/** Each function word with the languages it belongs to: one look-up a word instead of one a language. */
const LANGS_OF_WORD = new Map<string, ('en' | 'de' | 'fr' | 'other')[]>();
const NO_LANGS: readonly never[] = [];
for (const lang of ['en', 'de', 'fr', 'other'] as const) {
  for (const word of FUNCTION_WORDS[lang]) LANGS_OF_WORD.set(word, [...(LANGS_OF_WORD.get(word) ?? []), lang]);
}
// French elision: l'envoi, d'erreur, n'est, qu'il, j'ai, c'est.
const FRENCH_ELISION = /\b(?:[ldjnsc]|qu)['’][a-zàâçéèêëîïôûù]/gi;
const GERMAN_LETTERS = /[äöüß]/;
const FRENCH_LETTERS = /[éèêëçàâîïôûùœ]/;
const OTHER_LETTERS = /[ñ¿¡ãõ]/;
const NOT_ASCII = /[^\x00-\x7f]/;

/**
 * The language to answer in. The writer's own lines decide, not the lines a program printed: an
 * English question about a log from a Korean Windows server is answered in English. With no line
 * of their own, the whole text decides. A language the bot does not read is answered in English.
 */
export function detectLanguage(text: string): Lang {
  const lang = writtenLanguage(text);
  return lang === 'other' ? 'en' : lang;
}

const MAY_HOLD_REFERENCES = /:\/\/|www\.|@/;
/** A person named with an honorific ("cc 田中さん", "김철수님"): a name says nothing of the language the message is in. */
const NAME_WITH_HONORIFIC = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]{1,4}(?:さん|様|氏|くん|ちゃん)|[\uac00-\ud7a3]{2,4}\s?(?:님|씨)(?![\uac00-\ud7a3])/gu;
const MAY_HOLD_LISTING = /\(\d/;
/** A line a program printed that starts with its error's name: a vendor code ("XSV-350008 Unable to…", "ORA-12541: TNS…"), an exception, a stack frame. */
const PRINTED_ERROR = /^\s*(?:[A-Z]{3}-\d{5,6}\b|(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)\b|Caused by:|Traceback \(most recent call last\))/;
/** A line of process names alone, as `nlserver monitor -missing` prints them ("mta@prod", "inMail@mkt stat@mkt"). */
const PROCESS_NAMES_LINE = /^\s*(?:[A-Za-z]+@[\w-]+[\s,]*)+$/;
/** A command typed at a prompt (`$ nlserver pdump`): the tool's words, not the writer's language. */
const COMMAND_LINE = /^\s*(?:[$#>]\s*)?nlserver(?:\s+[-\w@:*./|]+)*\s*$/;

/** The language the writer used, or `other` for one the bot does not read. */
export function writtenLanguage(text: string): WrittenLanguage {
  const { unlinked, own } = ownWords(text);
  if (!/\p{L}/u.test(unlinked)) return 'en';
  return byScript(/\p{L}/u.test(own) ? own : unlinked);
}

/** False when the text is only what programs printed (a pasted pdump, log lines, links): no word says who wrote it. */
export function hasOwnWords(text: string): boolean {
  return /\p{L}/u.test(ownWords(text).own);
}

function ownWords(text: string): { unlinked: string; own: string } {
  // Links and mail addresses are no one's language: "example.com" would count the Portuguese "com". Most texts hold none.
  const linked = MAY_HOLD_REFERENCES.test(text) ? withoutReferences(text) : text;
  const unlinked = linked.replace(NAME_WITH_HONORIFIC, ' ');
  // What a pasted pdump lists (`mta@prod (1234) - 50 Mb`) is the tool's English, not the writer's.
  const own = (MAY_HOLD_LISTING.test(unlinked) ? withoutHealthyListing(unlinked) : unlinked)
    .split('\n')
    .filter((line) => !LOG_LINE.test(line.trim()) && !COMMAND_LINE.test(line) && !PRINTED_ERROR.test(line) && !PROCESS_NAMES_LINE.test(line))
    .join('\n');
  return { unlinked, own };
}

/**
 * Script first: a Hangul or kana character holds about as much as three Latin letters, so a
 * Korean or Japanese sentence with English module names and a pasted listing still counts.
 */
function byScript(text: string): WrittenLanguage {
  const { latin, hangul, kana, ascii } = countScripts(text);
  const han = ascii ? 0 : count(text, HAN);
  const outweighsLatin = (n: number) => n >= 8 || n * 3 >= latin * 0.25;
  if (hangul >= 2 && hangul >= kana && outweighsLatin(hangul)) return 'ko';
  if (kana + han >= 2 && outweighsLatin(kana + han)) return kana > 0 || (han <= LONGEST_KANJI_ONLY && !SIMPLIFIED_CHINESE.test(text)) ? 'ja' : 'other';
  const other = ascii ? 0 : count(text, OTHER_SCRIPTS);
  if (other >= 2 && outweighsLatin(other)) return 'other';
  return byWords(text);
}

/** The language of a text's Latin-script words, which decides how they are stemmed: English unless German or French stands out. */
export function latinLanguage(text: string): 'en' | 'de' | 'fr' {
  const lang = byWords(text);
  return lang === 'other' ? 'en' : lang;
}

// What people quote is usually the English of an error message or a label, not their own language.
const QUOTED = /«[^»\n]*»|„[^“\n]*“|“[^”\n]*”|"[^"\n]*"|(?<=^|\s)'[^'\n]+'(?=$|[\s.,:;!?])/g;

/** Latin script: the language whose common words and letters the text uses most; English when none stands out. */
function byWords(text: string): 'en' | 'de' | 'fr' | 'other' {
  const unquoted = text.replace(QUOTED, ' ');
  const own = /[a-z\u00C0-\u024F]{2,}/i.test(unquoted) ? unquoted : text;
  const score = { en: 0, de: 0, fr: count(own, FRENCH_ELISION), other: 0 };
  // The telling letters are all beyond ASCII.
  const lettersMayTell = NOT_ASCII.test(own);
  for (const word of own.toLowerCase().match(/[a-z\u00C0-\u024F]+/g) ?? []) {
    for (const lang of LANGS_OF_WORD.get(word) ?? NO_LANGS) score[lang] += 1;
    if (!lettersMayTell) continue;
    if (GERMAN_LETTERS.test(word)) score.de += 1;
    if (FRENCH_LETTERS.test(word)) score.fr += 1;
    if (OTHER_LETTERS.test(word)) score.other += 1;
  }
  const { en, de, fr, other } = score;
  if (other >= 2 && other > Math.max(en, de, fr)) return 'other';
  if (Math.max(de, fr) <= en || de === fr) return 'en';
  return de > fr ? 'de' : 'fr';
}

/**
 * Latin letters (A–Z, a–z, U+00C0–U+024F), Hangul (syllables, jamo, compatibility jamo) and kana
 * (hiragana, katakana, their extension, half-width katakana), counted in UTF-16 units in one pass.
 */
function countScripts(text: string): { latin: number; hangul: number; kana: number; ascii: boolean } {
  let latin = 0;
  let hangul = 0;
  let kana = 0;
  let ascii = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) latin += 1;
      continue;
    }
    ascii = false;
    if (c >= 0xc0 && c <= 0x24f) latin += 1;
    else if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) hangul += 1;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9f)) kana += 1;
  }
  return { latin, hangul, kana, ascii };
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
