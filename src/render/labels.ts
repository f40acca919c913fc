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

/** Confidence as a whole percentage, e.g. 0.873 → "87%". */
export function formatConfidence(confidence: number): string {
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
}

/** Docs URL for the asker's language: Experience League serves each edition with ?lang=ko, ja, de or fr. */
export function docsUrl(url: string, lang: Lang): string {
  if (lang === 'en') return url;
  const u = new URL(url);
  u.searchParams.set('lang', lang);
  return u.toString();
}
