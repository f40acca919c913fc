import { splitCodeSpans } from '../render/code-spans.js';

/** ANSI styling that collapses to plain text when colour is off. */
export interface TerminalStyle {
  color: boolean;
  title(text: string): string;
  heading(text: string): string;
  dim(text: string): string;
  command(text: string): string;
  /** What a disruptive command costs: red, so it is read before the command is run. */
  warning(text: string): string;
  /** Green, yellow or red by how sure the triage is. */
  confidence(text: string, value: number): string;
  /** Knowledge prose: `code spans` coloured, or kept in backticks when there is no colour. */
  prose(text: string): string;
  /** The terminal's width in columns, when writing to one: prose is wrapped to it. */
  width?: number | undefined;
}

const ESC = '\u001B[';
const RESET = `${ESC}0m`;

function paint(codes: string, text: string): string {
  return `${ESC}${codes}m${text}${RESET}`;
}

// Escape sequences and other control characters in echoed user text could move the cursor or
// recolour the user's terminal, so everything but newline and tab is dropped.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Removes control characters from text that came from a user or a file. */
export function plain(text: string): string {
  return text.replace(CONTROL, '');
}

/** A style for a terminal that shows colour, or one that leaves text untouched. */
export function createStyle(color: boolean, width?: number): TerminalStyle {
  if (!color) {
    return {
      color,
      width,
      title: (t) => t,
      heading: (t) => t,
      dim: (t) => t,
      command: (t) => t,
      warning: (t) => t,
      confidence: (t) => t,
      prose: (t) => t,
    };
  }
  return {
    color,
    width,
    title: (t) => paint('1;36', t),
    heading: (t) => paint('1', t),
    dim: (t) => paint('2', t),
    command: (t) => paint('33', t),
    warning: (t) => paint('1;31', t),
    confidence: (t, value) => paint(value >= 0.75 ? '32' : value >= 0.5 ? '33' : '31', t),
    prose: (t) =>
      splitCodeSpans(t)
        .map((span) => (span.code ? paint('33', span.text) : span.text))
        .join(''),
  };
}
