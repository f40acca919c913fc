import { chooseInstance, environmentOfHost, type InstanceChoice } from '../core/instance.js';
import type { Reply } from '../core/reply.js';
import type { Lang, ModuleEntry } from '../core/types.js';
import { labelsFor } from './labels.js';

/** Chat users cannot pass --instance or set variables; the terminal's users can. */
export type Surface = 'chat' | 'cli';

/** The instance a reply's card uses: the one the triage chose, else the configured default. */
export function instanceOf(reply: Reply, configured?: string): InstanceChoice {
  if ('instance' in reply && reply.instance) return reply.instance;
  return chooseInstance([], null, { configured });
}

/** The instance a card's commands use, as a name to fill in (undefined shows `<instance>`). */
export function instanceName(choice: InstanceChoice): string | undefined {
  return choice.name ?? undefined;
}

/** The instance a candidate button carries: one the asker named (or --instance), never the configured default, which the next card finds by itself. */
export function namedInstance(choice: InstanceChoice): string | undefined {
  return (choice.source === 'message' || choice.source === 'flag') && choice.name ? choice.name : undefined;
}

/** Which instance the commands use and why, plus any warning, as plain sentences in the reader's language. */
export function instanceNotes(choice: InstanceChoice, lang: Lang, surface: Surface): string[] {
  const labels = labelsFor(lang);
  if (choice.name === null || choice.source === 'none') {
    const [maybe] = choice.maybe ?? [];
    if (maybe !== undefined) {
      const environment = environmentOfHost(maybe);
      return [environment ? labels.instanceHost[surface](maybe, environment) : labels.instanceMaybe[surface]((choice.maybe ?? []).join(', '))];
    }
    // "not on prod": every instance named was ruled out, which "no instance named" would deny.
    return [choice.others.length > 0 ? labels.instanceRuledOut[surface](choice.others.join(', ')) : labels.instanceMissing[surface]];
  }
  const notes = [labels.instanceFrom[choice.source](choice.name)];
  if (choice.unknown) notes.push(labels.instanceUnknown(choice.name));
  if (choice.others.length > 0) notes.push(labels.instanceOthers(choice.others.join(', ')));
  return notes;
}

/** Whether a module's card shows an instance anywhere (commands, their notes, logs, steps): if not, a note on which instance it uses says nothing. */
export function cardUsesInstance(entry: ModuleEntry, lang: Lang): boolean {
  const texts = [
    entry.scope[lang],
    ...entry.remediation[lang],
    ...entry.logs,
    ...entry.commands.flatMap((command) => [command.run, command.why[lang], command.caution?.[lang] ?? '']),
  ];
  return texts.some((text) => text.includes('{instance}'));
}
