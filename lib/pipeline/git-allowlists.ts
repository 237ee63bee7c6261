import { basename } from 'node:path';
import { DEFAULT_ALLOWLISTS_DIR, listAllowlists } from '../load/load-project';
import { MAX_FILE_BYTES } from '../load/read-file';
import { GitSource, UnknownCommitError } from '../load/sources/git-source';
import { ProjectSource } from '../load/sources/project-source';
import { WORKING_TREE } from '../load/sources/working-tree';
import { AppSnapshot, snapshotOf, unreadableSnapshot } from './allowlist-snapshot';

export interface GitAllowlistsOptions {
  /** The repository to read. @default - the current directory */
  readonly cwd?: string;
  /** Folder of allow-list files, relative to `cwd`. @default "allowlists" */
  readonly dir?: string;
}

/**
 * Every allow-list file as committed at `ref`, read from git so the working tree is never
 * touched and any two commits can be compared.
 */
export function allowlistsAt(ref: string, options: GitAllowlistsOptions = {}): Map<string, AppSnapshot> {
  let source: GitSource;
  try {
    source = new GitSource({ ref, cwd: options.cwd });
  } catch (error) {
    if (!(error instanceof UnknownCommitError)) throw error;
    throw new Error(`--base/--head must name a commit, but got "${ref}": fetch it first (actions/checkout with fetch-depth: 0)`, {
      cause: error,
    });
  }
  return allowlistSnapshots(source, options.dir ?? DEFAULT_ALLOWLISTS_DIR);
}

/** Every allow-list file in the folder `dir` as it is on disk, uncommitted edits included; none when it is missing. */
export function allowlistsInFolder(dir: string = DEFAULT_ALLOWLISTS_DIR): Map<string, AppSnapshot> {
  return allowlistSnapshots(WORKING_TREE, dir);
}

/**
 * The allow-list files `loadProject` would read from `source`, each read leniently. What the
 * loader refuses (a missing folder, a stray file, a link out of the folder) is left out here:
 * validation reports it, and a summary of changes just finds no app there.
 */
function allowlistSnapshots(source: ProjectSource, dir: string): Map<string, AppSnapshot> {
  const snapshots = new Map<string, AppSnapshot>();
  for (const path of listAllowlists(source, dir, [])) {
    const key = basename(path, '.json');
    let text: string;
    try {
      text = source.read(path, MAX_FILE_BYTES);
    } catch (error) {
      snapshots.set(key, unreadableSnapshot(key, path, `cannot read the file: ${(error as Error).message}`));
      continue;
    }
    snapshots.set(key, snapshotOf(key, path, text));
  }
  return snapshots;
}
