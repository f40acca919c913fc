import { htmlToText } from './html-text.js';

/** The part of a Bot Framework `mention` entity we read. */
export interface MentionEntity {
  type?: string;
  text?: string;
  mentioned?: { id?: string; name?: string };
}

/** An `<at>` element as found in a message: the whole element, its attributes and the name it shows. */
export interface AtElement {
  element: string;
  attributes: string;
  name: string;
}

// The spaces around a mention and the punctuation after it travel with it: "hey <at>Bot</at>, mails stuck" reads "hey, mails stuck".
const AT_ELEMENT = /([ \t]*)(<at\b([^>]*)>([\s\S]*?)<\/at>)([ \t]*)([,.;:!?、，。]?)/gi;

/** Cuts the bot's own `<at>` elements from a message and turns everyone else's into their plain names. */
export function cutMentions(text: string, isBot: (at: AtElement) => boolean): string {
  return text.replace(AT_ELEMENT, (_match, before: string, element: string, attributes: string, name: string, after: string, punctuation: string, offset: number) => {
    if (!isBot({ element, attributes, name })) return `${before}${name}${after}${punctuation}`;
    // Nothing, a line break or a tag (`<p>`) before it: the mention opened a line, and its punctuation goes with it.
    const startsLine = offset === 0 || text.charAt(offset - 1) === '\n' || text.charAt(offset - 1) === '>';
    if (punctuation) return startsLine ? '' : punctuation;
    return startsLine ? '' : ' ';
  });
}

/**
 * An activity's text with every mention of the bot removed, found through its mention entities
 * (botbuilder's own helper drops only the first), other people's mentions turned into plain names,
 * and any HTML made text; its lines are kept, so a pasted log still reads as one.
 */
export function stripTeamsMentions(text: string, entities: readonly unknown[] | undefined, botId: string | undefined): string {
  const botTags = new Set<string>();
  for (const entity of entities ?? []) {
    const mention = entity as MentionEntity;
    if (mention.type !== 'mention' || !botId || mention.mentioned?.id !== botId) continue;
    const tag = mention.text ?? (mention.mentioned.name ? `<at>${mention.mentioned.name}</at>` : undefined);
    if (tag) botTags.add(tag);
  }
  return htmlToText(cutMentions(text, ({ element }) => botTags.has(element)));
}

/** The part of an entry of a message action's `messagePayload.mentions` we read. */
interface PayloadMention {
  id?: unknown;
  mentioned?: { application?: { id?: unknown } | null; user?: { id?: unknown } | null } | null;
}

/** The bot as an invoke's `recipient` names it. */
export interface BotIdentity {
  id?: string | undefined;
  name?: string | undefined;
}

const AT_ID = /\bid\s*=\s*["']?(\d+)/i;

// Activities name the bot `28:<app id>`; a message payload's mentions give the app id alone.
function appId(id: unknown): string | undefined {
  return typeof id === 'string' && id !== '' ? id.replace(/^28:/, '') : undefined;
}

/**
 * A message action's HTML with the bot's own `<at>` elements cut, as the @mention path does: found by
 * the id of their entry in `mentions` (`<at id="0">` is entry 0), else by the name the element shows.
 */
export function stripPayloadMentions(html: string, mentions: readonly unknown[], bot: BotIdentity): string {
  const botId = appId(bot.id);
  const botName = bot.name?.trim().toLowerCase();
  return cutMentions(html, ({ attributes, name }) => {
    const index = AT_ID.exec(attributes)?.[1];
    const entry = mentions.find((m): m is PayloadMention => typeof m === 'object' && m !== null && String((m as PayloadMention).id) === index);
    const mentioned = appId(entry?.mentioned?.application?.id) ?? appId(entry?.mentioned?.user?.id);
    if (mentioned && botId) return mentioned === botId;
    return !!botName && name.trim().toLowerCase() === botName;
  });
}
