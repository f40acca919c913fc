import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import PorterStemmerDe from 'natural/lib/natural/stemmers/porter_stemmer_de.js';
import PorterStemmerFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords.js';
import { words as naturalStopwordsFr } from 'natural/lib/natural/util/stopwords_fr.js';
import { Remembered } from './remembered.js';

/** The Latin-script languages, each read with its own stemmer. */
export type LatinLang = 'en' | 'de' | 'fr';

/** Words that natural drops as noise but that carry meaning in incident reports ("not going out", "after reboot"). */
const KEPT = new Set(['out', 'up', 'never', 'after', 'before', 'down', 'off', 'not', 'no', 'all', 'get', 'got', 'same', 'how', 'what', 'where', 'which', 'can', 'should', 'way']);
const STOPWORDS = new Set([
  ...naturalStopwords.filter((w) => !KEPT.has(w) && !/^\d$/.test(w)),
  'i',
  'unaffected',
  'im',
  'it',
  "it's",
  'hi',
  'hey',
  'hello',
  'please',
  'pls',
  'plz',
  'thanks',
  'thx',
  'anyone',
  'someone',
  'team',
  'guys',
  'just',
  'again',
  'yet',
  'ok',
  'okay',
  'know',
  'look',
  'looks',
  'seems',
  'seem',
  'think',
  'anything',
  'something',
  'one',
]);

// natural has no German list. Negations stay in German and French: "nicht versendet", "ne part pas".
const STOPWORDS_DE = new Set(
  'der die das den dem des ein eine einen einem einer eines und oder aber ist sind war waren bin bist wird werden wurde wurden sein hat haben habe hatte mit auf für fuer von zu zum zur im in am an bei nach aus auch noch schon mal wir ich es sie er ihr uns unser unsere euch man dass wenn dann da hier so doch ja nur sehr bitte hallo danke jemand gerade heute'.split(
    ' ',
  ),
);
const NEGATIONS_FR = new Set(['ne', 'pas', 'plus', 'rien', 'sans', 'aucun', 'aucune', 'jamais']);
const STOPWORDS_FR = new Set([...naturalStopwordsFr.filter((w) => !NEGATIONS_FR.has(w)), 'bonjour', 'merci', 'svp', 'stp', 'salut']);

/** The tools that raise or carry an alert say where it came from, not what broke: "Zabbix" is in homelab chatter and in every alert channel. */
const ALERT_SOURCES = new Set(
  'zabbix nagios icinga datadog grafana alertmanager prometheus pagerduty opsgenie dynatrace whatap scouter cloudwatch pingdom uptimerobot victorops checkmk prtg solarwinds'.split(
    ' ',
  ),
);

const LANGUAGES: Record<LatinLang, { stem: (word: string) => string; stopwords: ReadonlySet<string> }> = {
  en: { stem: (word) => PorterStemmer.stem(word), stopwords: STOPWORDS },
  de: { stem: (word) => PorterStemmerDe.stem(word), stopwords: STOPWORDS_DE },
  fr: { stem: (word) => PorterStemmerFr.stem(word), stopwords: STOPWORDS_FR },
};

// Split on anything that is not part of a technical token: keeps xtk:session, mta@prod, logon.jsp, 6666/udp together.
const GAPS = /[^\p{L}\p{N}@:._/'-]+/u;

export interface LatinToken {
  /** The stem (or the whole technical token) used as a feature. */
  feature: string;
  /** The word as written, for evidence. */
  surface: string;
}

/**
 * Tokenizes Latin-script text: camelCase split, lower-cased, stopwords dropped, stemmed with the
 * language's Porter stemmer; compound tokens kept whole too. natural's own tokenizers would split
 * xtk:session, mta@prod and logon.jsp, which say the most in a report, so they are not used here.
 */
export function tokenizeLatin(text: string, lang: LatinLang = 'en'): LatinToken[] {
  const out: LatinToken[] = [];
  // Korean particles stick to English words ("wfserver가", "pdump에서"): split there; Korean and Japanese are tokenized elsewhere.
  for (const raw of text.replace(/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu, ' ').split(GAPS)) {
    if (raw) out.push(...recent[lang].get(raw, tokensIn[lang]));
  }
  return out;
}

/** Each word's tokens, remembered: stemming is most of the work, and the same words come back in every message. */
const recent: Record<LatinLang, Remembered<readonly LatinToken[]>> = { en: new Remembered(20_000), de: new Remembered(20_000), fr: new Remembered(20_000) };
const tokensIn: Record<LatinLang, (raw: string) => LatinToken[]> = {
  en: (raw) => tokensOf(raw, LANGUAGES.en),
  de: (raw) => tokensOf(raw, LANGUAGES.de),
  fr: (raw) => tokensOf(raw, LANGUAGES.fr),
};

function tokensOf(raw: string, { stem, stopwords }: (typeof LANGUAGES)[LatinLang]): LatinToken[] {
  const out: LatinToken[] = [];
  const token = raw.replace(/^[^\p{L}\p{N}/]+|[^\p{L}\p{N}]+$/gu, '');
  if (!token) return out;
  const lower = token.toLowerCase();
  const parts = token
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s@:._/'-]+/)
    .map((p) => p.toLowerCase())
    .filter((p) => p && !stopwords.has(p) && !ALERT_SOURCES.has(p));
  if (parts.length > 1 || /[@:._/]/.test(lower)) out.push({ feature: lower.replace(/@.*$/, '@'), surface: token });
  for (const part of parts) {
    if (/^\d+$/.test(part) && part.length < 2) continue;
    out.push({ feature: /^\d+$/.test(part) ? part : stem(part), surface: token });
  }
  return out;
}
