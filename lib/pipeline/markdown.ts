/** Markdown helpers for GitHub comments: escaping, fences and size limits measured safely. */

/**
 * GitHub refuses comment and issue bodies above 65,536 characters. Budgets here are counted in
 * UTF-8 bytes, which is never less than the character count however GitHub counts them.
 */
export const GITHUB_BODY_LIMIT = 65_536;

export const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Text as literal Markdown: no formatting, links, HTML or @-mentions from group or app names. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]#|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;');
}

/** A code fence longer than any run of backticks in `text`, so the text cannot close it. */
export function fenced(text: string, language = ''): string {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${fence}`;
}

export interface Truncated {
  readonly text: string;
  /** Lines of the original that were left out (a partly kept line counts as left out). */
  readonly omittedLines: number;
  readonly totalLines: number;
}

/**
 * The longest prefix of `text` within `maxBytes` UTF-8 bytes, cut after a whole line when one
 * fits, otherwise between two code points: never inside a multi-byte character.
 */
export function truncateToBytes(text: string, maxBytes: number): Truncated {
  const lines = text.split('\n');
  if (utf8Length(text) <= maxBytes) return { text, omittedLines: 0, totalLines: lines.length };
  let used = 0;
  let kept = 0;
  while (kept < lines.length && used + utf8Length(lines[kept]) + 1 <= maxBytes) used += utf8Length(lines[kept++]) + 1;
  if (kept > 0) return { text: lines.slice(0, kept).join('\n') + '\n', omittedLines: lines.length - kept, totalLines: lines.length };
  let prefix = '';
  let bytes = 0;
  for (const codePoint of lines[0]) {
    bytes += utf8Length(codePoint);
    if (bytes > maxBytes) break;
    prefix += codePoint;
  }
  return { text: prefix, omittedLines: lines.length, totalLines: lines.length };
}
