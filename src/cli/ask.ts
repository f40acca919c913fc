import type { Reply } from '../core/reply.js';
import type { Triage } from '../core/triage.js';
import type { Lang } from '../core/types.js';
import { invalidMessage } from '../render/invalid-message.js';
import { renderJson } from './json.js';
import { renderTerminal } from './terminal.js';
import type { CliCommand, Format } from './args.js';
import { UsageError } from './args.js';
import { loadTriage, write, type CliContext } from './context.js';
import { EXIT } from './help.js';
import { checkInputText, InputError, readStdin } from './input.js';

type AskCommand = Extract<CliCommand, { name: 'ask' }>;

/** Renders a reply in the requested format; Slack and Teams renderers load only when asked for. */
export async function renderReply(reply: Reply, format: Format, triage: Triage, context: CliContext): Promise<string> {
  const { instance } = context;
  const knowledge = triage.knowledge;
  switch (format) {
    case 'text':
      return renderTerminal(reply, { knowledge, color: context.color, width: context.width, ...(instance && { instance }) });
    case 'json':
      return renderJson(reply, { knowledge, ...(instance && { instance }) });
    case 'slack': {
      const { renderSlack } = await import('../slack/blocks.js');
      return JSON.stringify(renderSlack(reply, { knowledge, ...(instance && { instance }) }), null, 2);
    }
    case 'teams': {
      const { renderTeams } = await import('../teams/card.js');
      return JSON.stringify(renderTeams(reply, { knowledge, ...(instance && { instance }) }).card, null, 2);
    }
  }
}

/** The question: the words after `ask`, or stdin when there are none and stdin is not a terminal. */
async function readQuestion(command: AskCommand, context: CliContext): Promise<string> {
  if (command.words.length > 0) return checkInputText(command.words.join(' '));
  if (context.streams.stdin.isTTY !== true) return readStdin(context.streams.stdin);
  throw new UsageError('ask: missing text (campaign-module ask "emails stopped going out", or pipe it on stdin)');
}

/** Reports a refused question on stderr in the asker's language; returns the exit code. */
async function refuse(context: CliContext, message: string): Promise<number> {
  await write(context.streams.stderr, `campaign-module: ${message}\n`);
  return EXIT.dataError;
}

/** `ask`: one question, one answer on stdout; refused input goes to stderr with exit 65. */
export async function runAsk(command: AskCommand, context: CliContext): Promise<number> {
  const lang: Lang = command.options.lang ?? 'en';
  let text: string;
  try {
    text = await readQuestion(command, context);
  } catch (error) {
    if (error instanceof InputError && error.reason === 'too-long') return refuse(context, invalidMessage('too-long', lang));
    throw error;
  }
  if (text.trim() === '') return refuse(context, invalidMessage('empty', lang));
  const triage = await loadTriage(context);
  const reply = triage.reply(text, command.options.lang ? { lang: command.options.lang } : {});
  if (reply.kind === 'invalid') return refuse(context, invalidMessage(reply.reason, reply.lang));
  await write(context.streams.stdout, `${await renderReply(reply, command.format, triage, context)}\n`);
  return EXIT.ok;
}
