import { attachmentText } from './attachment-text.js';
import type { TeamsMessage } from './card.js';
import { htmlToText } from './html-text.js';
import { instanceInNote } from './note-instance.js';
import { type BotIdentity, stripPayloadMentions } from './strip-mentions.js';

/** The command id of "Ask campaign-module" in appPackage/manifest.json's composeExtensions. */
export const ASK_COMMAND_ID = 'askCampaignModule';
export const SUBMIT_ACTION = 'composeExtension/submitAction';
/** What Teams sends when a button is pressed on a card sent as a message extension's result. */
export const CARD_BUTTON_CLICKED = 'composeExtension/onCardButtonClicked';

/** What "Ask campaign-module" was used on, read from a `composeExtension/submitAction` invoke's value. */
export interface MessageAction {
  /** The message's words, HTML removed, plus anything the person added in the dialog. */
  text: string;
  /** The message's id. */
  messageId: string | undefined;
  /**
   * The channel thread the message is in, named by its first message: the message itself, or the
   * one it replies to. Teams refuses or misplaces a post to a reply's id.
   */
  threadRootId: string | undefined;
  /** The instance the person typed as the whole note ("mkt"): the commands use it, whatever the message names. */
  instance?: string;
}

/** What the bot knows around an invoke: itself (the invoke's recipient) and the instances it is configured with. */
export interface MessageActionContext {
  bot?: BotIdentity;
  knownInstances?: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads an invoke's value; undefined when it is not "Ask campaign-module". A missing or malformed message reads as no words.
 * The bot's own mentions in the message are not symptoms; a note that is only an instance name says where to look.
 */
export function readMessageAction(value: unknown, { bot = {}, knownInstances = [] }: MessageActionContext = {}): MessageAction | undefined {
  if (!isRecord(value) || value.commandId !== ASK_COMMAND_ID) return undefined;
  const payload = isRecord(value.messagePayload) ? value.messagePayload : {};
  const body = isRecord(payload.body) ? payload.body : {};
  const content = typeof body.content === 'string' ? body.content : '';
  const mentions = Array.isArray(payload.mentions) ? payload.mentions : [];
  const words = body.contentType === 'text' ? content.trim() : htmlToText(stripPayloadMentions(content, mentions, bot));
  const cards = Array.isArray(payload.attachments) ? payload.attachments.flatMap(attachmentText) : [];
  const note = isRecord(value.data) && typeof value.data.note === 'string' ? value.data.note.trim() : '';
  const instance = instanceInNote(note, knownInstances);
  const text = [words, ...cards, instance ? '' : note].filter((t) => t !== '').join('\n');
  const messageId = nonEmpty(payload.id);
  return { text, messageId, threadRootId: nonEmpty(payload.replyToId) ?? messageId, ...(instance && { instance }) };
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The extension's own answer: the card, for the person to send into the conversation. */
export function cardResult(message: TeamsMessage): object {
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: message.card,
          preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: message.text.slice(0, 200) } },
        },
      ],
    },
  };
}

/** A channel thread's conversation: the channel's id plus the id of the thread's first message. */
export function threadConversationId(channelId: string, rootId: string): string {
  return `${channelId.split(';')[0]};messageid=${rootId}`;
}
