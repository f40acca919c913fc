import type { Lang } from '../core/types.js';
import { DE } from './labels-de.js';
import { EN } from './labels-en.js';
import { FR } from './labels-fr.js';
import { JA } from './labels-ja.js';
import { KO } from './labels-ko.js';

export type Labels = typeof EN;

/** Every fixed sentence a card or the terminal shows, in each language the bot answers in. */
export const LABELS: Record<Lang, Labels> = { en: EN, ko: KO, ja: JA, de: DE, fr: FR };

/** The labels for a language. */
export function labelsFor(lang: Lang): Labels {
  return LABELS[lang];
}

/** Confidence as a whole percentage, e.g. 0.873 → "87%" ("87 %" in French, with a no-break space). */
export function formatConfidence(confidence: number, lang?: Lang): string {
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}${lang === 'fr' ? '\u00a0' : ''}%`;
}

/** A label and the colon after it, as the language writes them: "Confiance :" in French, "Confidence:" elsewhere. */
export function labelled(label: string, lang: Lang): string {
  return `${label}${labelsFor(lang).colon}`;
}

/** Docs URL for the asker's language: Experience League serves each edition with ?lang=ko, ja, de or fr. */
export function docsUrl(url: string, lang: Lang): string {
  if (lang === 'en') return url;
  const u = new URL(url);
  u.searchParams.set('lang', lang);
  return u.toString();
}
