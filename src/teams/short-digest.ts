import { createHash } from 'node:crypto';

/** Sixteen hex digits of the text's SHA-256: enough to tell texts apart in a key, without carrying the text. */
export function shortDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
