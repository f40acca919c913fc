/**
 * Makes text typed by a user safe to echo inside an Adaptive Card TextRun.
 *
 * TextRuns are not markdown-processed, but Teams still turns `<at>…</at>` into mentions and bare
 * URLs into links on some clients, so those are broken up while the text stays readable.
 */
export function neutraliseTeamsText(text: string): string {
  return (
    text
      // Control characters (other than newline and tab) can garble the card on mobile clients.
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
      .replace(/</g, '\u2039')
      .replace(/>/g, '\u203A')
      // A zero-width space after the scheme or "www" stops auto-linking without changing what people read.
      .replace(/([a-z][a-z0-9+.-]*):\/\//gi, '$1:\u200B//')
      .replace(/\bwww\./gi, 'www\u200B.')
  );
}
