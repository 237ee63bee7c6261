import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const BEGIN = '<!-- bench:begin (written by `npm run bench`; edit outside these markers) -->';
const END = '<!-- bench:end -->';

/**
 * Puts the latest results between the markers of BENCHMARKS.md and keeps everything else (the
 * hand-written analysis, before/after notes). A missing file or missing markers get created.
 */
export function writeLatestResults(path: string, markdown: string): void {
  const block = `${BEGIN}\n${markdown}\n${END}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const begin = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    begin >= 0 && end > begin
      ? `${current.slice(0, begin)}${block}${current.slice(end + END.length)}`
      : `${current || '# Benchmarks\n\n`npm run bench` results.\n'}\n## Latest results\n\n${block}\n`;
  writeFileSync(path, next);
}
