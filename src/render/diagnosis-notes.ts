import { LIKELY_CONFIDENCE } from '../core/reply.js';
import type { Candidate, Diagnosis, Lang } from '../core/types.js';
import { labelsFor } from './labels.js';

/** "Likely module", or "Not sure — best guess" when the calibrated confidence is low. */
export function answerLabel(diagnosis: Diagnosis, lang: Lang): string {
  const labels = labelsFor(lang);
  return diagnosis.confidence < LIKELY_CONFIDENCE ? labels.bestGuess : labels.likelyModule;
}

/** A candidate that would read "0%" is filler, not a lead. */
export function isWorthShowing(candidate: Candidate): boolean {
  return Math.round(candidate.score * 100) >= 1;
}

/** What a pasted pdump said: which expected processes it lacks, or that all of them run. */
export function listingNote(diagnosis: Diagnosis, lang: Lang): string | undefined {
  if (!diagnosis.listing) return undefined;
  const labels = labelsFor(lang);
  const { missing } = diagnosis.listing;
  return missing.length === 0 ? labels.listingAllRunning : labels.listingMissing(missing.join(', '));
}

/** What to type instead of a command the message quotes with translated words ("nlserver 시작 웹"): one sentence each. */
export function typedCommandNotes(diagnosis: Diagnosis, lang: Lang): string[] {
  const labels = labelsFor(lang);
  return (diagnosis.typedCommands ?? []).map(({ typed, english }) => labels.typedCommand(typed, english));
}
