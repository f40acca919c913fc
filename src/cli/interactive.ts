import { createInterface } from 'node:readline';
import type { Triage } from '../core/triage.js';
import type { Lang } from '../core/types.js';
import { labelsFor } from '../render/labels.js';
import { renderTerminal } from './terminal.js';
import { loadTriage, type CliContext } from './context.js';
import { EXIT } from './help.js';

export const PROMPT = 'campaign-module> ';
const PASTE_GAP_MS = 40;
const QUIT_WORDS = new Set(['exit', 'quit', ':q', '종료', '終了', 'beenden', 'quitter']);

function isQuitWord(line: string): boolean {
  return QUIT_WORDS.has(line.trim().toLowerCase());
}

/** The answer to one line typed at the prompt, or null when the user wants to leave. */
export function answerLine(triage: Triage, line: string, context: CliContext, lang?: Lang): string | null {
  const text = line.trim();
  if (isQuitWord(text)) return null;
  if (text === '') return '';
  const reply = triage.reply(text, lang ? { lang } : {});
  const { instance } = context;
  return `${renderTerminal(reply, { knowledge: triage.knowledge, color: context.color, width: context.width, ...(instance && { instance }) })}\n`;
}

/** No command on a terminal: a prompt that answers each line until Ctrl-D, Ctrl-C or `exit`. */
export async function runInteractive(context: CliContext, lang?: Lang): Promise<number> {
  const triage = await loadTriage(context);
  const { stdin, stdout } = context.streams;
  const labels = labelsFor(lang ?? 'en');
  stdout.write(`${labels.help}\n${labels.promptQuit}\n\n`);
  const prompt = createInterface({ input: stdin, output: stdout, prompt: PROMPT, terminal: stdin.isTTY === true });
  // A pasted pdump arrives as many lines at once: lines that follow each other within PASTE_GAP_MS are one question.
  let pasted: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const answerPasted = () => {
    clearTimeout(timer);
    if (pasted.length === 0) return;
    // `exit` on a line of its own quits even when it came with the lines before it: those are answered first.
    const quitAt = pasted.findIndex((line) => isQuitWord(line));
    const question = quitAt === -1 ? pasted : pasted.slice(0, quitAt);
    pasted = [];
    const answer = question.length > 0 ? answerLine(triage, question.join('\n'), context, lang) : null;
    if (answer) stdout.write(`\n${answer}\n`);
    if (answer === null || quitAt !== -1) {
      prompt.close();
      return;
    }
    if (!closed) prompt.prompt();
  };
  await new Promise<void>((resolve) => {
    prompt.on('line', (line) => {
      pasted.push(line);
      clearTimeout(timer);
      timer = setTimeout(answerPasted, PASTE_GAP_MS);
    });
    prompt.on('SIGINT', () => prompt.close());
    prompt.on('close', () => {
      closed = true;
      answerPasted();
      resolve();
    });
    prompt.prompt();
  });
  stdout.write('\n');
  return EXIT.ok;
}
