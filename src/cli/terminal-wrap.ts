import stringWidth from 'string-width';

// Japanese and Chinese break between any two characters, except before closing punctuation and the
// long-vowel mark; other scripts, Korean included, break at spaces.
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}「（';
const NO_LINE_START = 'ー、。」）：！？';
const TOKEN = new RegExp(`\\u001B\\[[0-9;]*m|\\s+|[${CJK}][${NO_LINE_START}]*|[^\\s\\u001B${CJK}]+`, 'gu');

/**
 * One line broken to `width` terminal columns (wide characters count two, colour codes none),
 * continuation lines starting with `hang` so they align under the text. A word is never cut, so a
 * path or a URL stays whole and can be copied. Without a width the line is returned as it is.
 */
export function wrapLine(text: string, width: number | undefined, hang = ''): string[] {
  if (!width || stringWidth(text) <= width) return [text];
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  const lines: string[] = [];
  let line = indent;
  let used = indent.length;
  let hasText = false;
  let space = false;
  for (const token of text.slice(indent.length).match(TOKEN) ?? []) {
    if (token.startsWith('\u001B')) {
      line += token;
    } else if (/^\s+$/.test(token)) {
      space = hasText;
    } else {
      const tokenWidth = stringWidth(token);
      if (hasText && used + (space ? 1 : 0) + tokenWidth > width) {
        lines.push(line);
        [line, used, space] = [hang, stringWidth(hang), false];
      }
      if (space) [line, used] = [`${line} `, used + 1];
      [line, used, hasText, space] = [line + token, used + tokenWidth, true, false];
    }
  }
  lines.push(line);
  return lines;
}
