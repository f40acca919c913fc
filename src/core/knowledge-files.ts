import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** A knowledge file that cannot be used; the message names file, field and problem. */
export class KnowledgeError extends Error {
  readonly code = 'KNOWLEDGE_INVALID';
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(field ? `${file}: ${field}: ${problem}` : `${file}: ${problem}`);
    this.name = 'KnowledgeError';
  }
}

// Either spelling of the extension, in any case, so that no YAML file in the folder is silently skipped.
export const YAML_EXTENSION = /\.ya?ml$/i;

/** Largest knowledge file accepted, in bytes (1 MB); checked before the file is read (see knowledge-schema.ts for the other limits). */
export const MAX_FILE_BYTES = 1024 * 1024;

/** The YAML files of a knowledge directory, sorted: what the loader reads and what the model's stamp hashes. */
export function knowledgeFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => YAML_EXTENSION.test(f))
      .sort();
  } catch {
    // The path as the operator can find it: the folder's name alone does not say where it was looked for.
    throw new KnowledgeError(`${resolve(dir)}/`, '', 'knowledge directory cannot be read');
  }
}
