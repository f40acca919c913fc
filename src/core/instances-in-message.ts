import { troubledClauses } from './healthy-mentions.js';
import { instancesNamed, type NamedInstance } from './instance.js';
import { withoutHealthyListing } from './pasted-output.js';
import { withoutReferences } from './references.js';
import { MODULE_IDS, type Diagnosis } from './types.js';

/**
 * The instances a message names, most telling first: the one of a process a pasted listing lacks,
 * then those written in the text (those in a clause that reports trouble first), then those only seen on running listing lines (which tie to no
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
  // "stat@mkt is there but stat@prod is missing": the instance written where the trouble is comes first.
  const troubled = new Set(troubledClauses(unlisted).flatMap((clause) => instancesNamed(clause, known).map((n) => n.name.toLowerCase())));
  const written = instancesNamed(unlisted, known).sort((a, b) => Number(troubled.has(b.name.toLowerCase())) - Number(troubled.has(a.name.toLowerCase())));
  // Most messages hold no listing: then there is nothing more to read.
  const listed = unlisted === read ? [] : instancesNamed(read, known).map((n) => ({ name: n.name, module: null }));
  const all: NamedInstance[] = [];
  for (const candidate of [...missing, ...written, ...listed]) if (!all.some((n) => n.name === candidate.name)) all.push(candidate);
  return all;
}
