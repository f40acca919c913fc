import { instancesNamed, type NamedInstance } from './instance.js';
import { withoutHealthyListing } from './pasted-output.js';
import { withoutReferences } from './references.js';
import { MODULE_IDS, type Diagnosis } from './types.js';

/**
 * The instances a message names, most telling first: the one of a process a pasted listing lacks,
 * then those written in the text, then those only seen on running listing lines (which tie to no
 * module: `mta@mkt (1234)` running says nothing about the broken mta@prod). `known` is CAMPAIGN_INSTANCES.
 */
export function instancesInMessage(clean: string, diagnosis: Diagnosis | null, known?: readonly string[]): NamedInstance[] {
  const read = withoutReferences(clean);
  const missing = (diagnosis?.listing?.missing ?? []).flatMap((process) => {
    const [module, name] = process.split('@');
    const id = MODULE_IDS.find((m) => m === module);
    return id && name ? [{ name, module: id }] : [];
  });
  const unlisted = withoutHealthyListing(read);
  const written = instancesNamed(unlisted, known);
  // Most messages hold no listing: then there is nothing more to read.
  const listed = unlisted === read ? [] : instancesNamed(read, known).map((n) => ({ name: n.name, module: null }));
  const all: NamedInstance[] = [];
  for (const candidate of [...missing, ...written, ...listed]) if (!all.some((n) => n.name === candidate.name)) all.push(candidate);
  return all;
}
