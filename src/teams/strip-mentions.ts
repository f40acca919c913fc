/** The part of a Bot Framework `mention` entity we read. */
export interface MentionEntity {
  type?: string;
  text?: string;
  mentioned?: { id?: string; name?: string };
}

const AT_TAG = /<at(?:\s[^>]*)?>(.*?)<\/at>/gis;

/**
 * Removes every mention of the bot from a Teams message, found through its mention entities
 * (botbuilder's own helper drops only the first), and turns other people's mentions into plain names.
 */
export function stripTeamsMentions(text: string, entities: readonly unknown[] | undefined, botId: string | undefined): string {
  let result = text;
  for (const entity of entities ?? []) {
    const mention = entity as MentionEntity;
    if (mention.type !== 'mention' || !botId || mention.mentioned?.id !== botId) continue;
    const tag = mention.text ?? (mention.mentioned.name ? `<at>${mention.mentioned.name}</at>` : undefined);
    if (tag) result = result.split(tag).join(' ');
  }
  return result.replace(AT_TAG, '$1').replace(/\s+/g, ' ').trim();
}
