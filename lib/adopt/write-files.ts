import { existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadProject, ProjectSources } from '../load/load-project';
import { withFiles } from '../load/sources/with-files';
import { WORKING_TREE } from '../load/sources/working-tree';
import { AllowlistFileData } from '../model/allowlist-file';

export interface NewFile {
  readonly key: string;
  readonly file: AllowlistFileData;
}

/** The text of an allow-list file as the project's files are written: two-space JSON, a final newline. */
export const fileText = (file: AllowlistFileData): string => `${JSON.stringify(file, null, 2)}\n`;

/**
 * The new files the project would refuse, with the messages, by key: the project is loaded with
 * them added in memory beside every existing file (shared-claim conflicts, rules, policy), so
 * nothing is written that the next `npm run validate` would reject. A problem reported in an
 * existing file that names a new one counts against the new one.
 */
export function refusedByProject(files: readonly NewFile[], sources: ProjectSources & { allowlistsDir: string }): Map<string, string[]> {
  const refused = new Map<string, string[]>();
  if (files.length === 0) return refused;
  const added = new Map(files.map(({ key, file }) => [join(sources.allowlistsDir, `${key}.json`), fileText(file)]));
  const { problems } = loadProject({ ...sources, source: withFiles(sources.source ?? WORKING_TREE, added) });
  for (const problem of problems) {
    const own = files.find((f) => basename(problem.file) === `${f.key}.json`);
    const named = own ? [own] : files.filter((f) => problem.message.includes(`${f.key}.json`));
    if (named.length === 0)
      throw new Error(`the allow lists do not validate with the new files: ${problem.file}:${problem.line}: ${problem.message}`);
    for (const f of named) refused.set(f.key, [...(refused.get(f.key) ?? []), problem.message]);
  }
  return refused;
}

/**
 * Writes each file whole (a temporary file linked into place), never over an existing one: a
 * file that appeared meanwhile stops the run before anything else is written.
 */
export function writeNewFiles(outDir: string, files: readonly NewFile[]): string[] {
  const taken = files.map((f) => join(outDir, `${f.key}.json`)).filter((path) => existsSync(path));
  if (taken.length > 0) throw new Error(`${taken.join(', ')} appeared while adopt ran; nothing was written`);
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const { key, file } of files) {
    const path = join(outDir, `${key}.json`);
    const temporary = join(outDir, `.${key}.json.adopt-${process.pid}`);
    writeFileSync(temporary, fileText(file), { flag: 'wx' });
    try {
      linkSync(temporary, path);
    } finally {
      rmSync(temporary, { force: true });
    }
    written.push(path);
  }
  return written;
}
