import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { DEFAULT_ALLOWLISTS_DIR, isAllowlistFile } from '../load/load-project';
import { AppSnapshot, snapshotOf } from './allowlist-snapshot';
import { filesAt, git } from './git-files';

export interface GitAllowlistsOptions {
  /** The repository to read. @default - the current directory */
  readonly cwd?: string;
  /** Folder of allow-list files, relative to the repository root. @default "allowlists" */
  readonly dir?: string;
}

/**
 * Every allow-list file as committed at `ref`, read from git so the working tree is never
 * touched and any two commits can be compared.
 */
export function allowlistsAt(ref: string, options: GitAllowlistsOptions = {}): Map<string, AppSnapshot> {
  const dir = (options.dir ?? DEFAULT_ALLOWLISTS_DIR).replace(/\/+$/, '');
  try {
    git(options.cwd, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  } catch {
    throw new Error(`--base/--head must name a commit, but got "${ref}": fetch it first (actions/checkout with fetch-depth: 0)`);
  }
  return snapshotsOf(filesAt(ref, dir, options.cwd), dir);
}

/** Every allow-list file in the folder `dir` as it is on disk, uncommitted edits included; none when it is missing. */
export function allowlistsInFolder(dir: string = DEFAULT_ALLOWLISTS_DIR): Map<string, AppSnapshot> {
  const folder = dir.replace(/\/+$/, '');
  // Validation reports a missing folder; the owner comparison just finds no apps.
  if (!existsSync(folder)) return new Map();
  return snapshotsOf(
    readdirSync(folder)
      .filter(isAllowlistFile)
      .map((name): [string, string] => [posix.join(folder, name), readFileSync(join(folder, name), 'utf8')]),
    folder,
  );
}

function snapshotsOf(files: Iterable<[string, string]>, dir: string): Map<string, AppSnapshot> {
  const snapshots = new Map<string, AppSnapshot>();
  for (const [path, text] of files) {
    const name = posix.basename(path);
    if (posix.dirname(path) !== dir || !isAllowlistFile(name)) continue;
    const key = name.slice(0, -'.json'.length);
    snapshots.set(key, snapshotOf(key, path, text));
  }
  return snapshots;
}
