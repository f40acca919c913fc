import { instancesNamed } from '../core/instance.js';
import type { Reply } from '../core/reply.js';

const NAME = '[A-Za-z0-9][A-Za-z0-9_-]{0,63}';
const INSTANCE_WORD = '(?:instance|instanz|인스턴스|インスタンス)';
// "mkt instance", "mkt-Instanz", "mkt 인스턴스", "mktインスタンス"; the name is the shortest that leaves the word.
const NAME_THEN_WORD = new RegExp(`^(${NAME}?)[\\s-]*${INSTANCE_WORD}$`, 'i');
// "instance mkt", "Instanz: mkt", "インスタンス mkt"
const WORD_THEN_NAME = new RegExp(`^${INSTANCE_WORD}\\s*[:=：]?\\s*(${NAME})$`, 'i');
const LONE_NAME = new RegExp(`^${NAME}$`);

/**
 * The instance a note in the "Ask campaign-module" dialog names on its own ("mkt", "acc_prd instance",
 * "mkt 인스턴스"), spelled as in `known` (CAMPAIGN_INSTANCES, CAMPAIGN_INSTANCE) when it is one of them.
 * Undefined for any other note, which is read as more words of the message.
 */
export function instanceInNote(note: string, known: readonly string[]): string | undefined {
  const text = note.trim();
  const beside = NAME_THEN_WORD.exec(text)?.[1] ?? WORD_THEN_NAME.exec(text)?.[1];
  const name = beside ?? (LONE_NAME.test(text) ? text : undefined);
  if (!name) return undefined;
  const configured = known.find((k) => k.toLowerCase() === name.toLowerCase());
  if (configured) return configured;
  // What passes for a name is the core's call: a lone word only if shaped like one ("on mkt", "on acc_prd"), so a
  // note such as "urgent" or "wfserver" stays a word of the message; beside "instance", any but a module or a common word.
  const probe = beside ? `on the ${name} instance` : `on ${name}`;
  return instancesNamed(probe).some((named) => named.name === name && !named.maybe) ? name : undefined;
}

/**
 * A reply whose instance came from the note, told as what it is: the asker named it. The triage takes the
 * note as the CLI takes --instance, over any instance the message names, and would say "from --instance".
 */
export function namedByTheAsker(reply: Reply): Reply {
  if (!('instance' in reply) || reply.instance?.source !== 'flag') return reply;
  return { ...reply, instance: { ...reply.instance, source: 'message' } };
}
