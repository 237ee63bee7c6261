import { Membership, membershipOf } from './evaluate';

/**
 * `--groups "a,b"`: commas separate groups; write `\,` for a comma inside a name and `\\` for a
 * backslash. Spaces around each name are dropped.
 */
export function parseGroupList(text: string): string[] {
  const names: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && (text[i + 1] === ',' || text[i + 1] === '\\')) current += text[++i];
    else if (char === ',') {
      names.push(current);
      current = '';
    } else current += char;
  }
  names.push(current);
  return names.map((n) => n.trim()).filter((n) => n !== '');
}

/** `--user-groups-file`: one group name or ID per line, taken literally; blank lines are skipped. */
export function parseGroupFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Each group once, in the order first given. */
export function membershipsOf(references: readonly string[]): Membership[] {
  return [...new Set(references)].map(membershipOf);
}
