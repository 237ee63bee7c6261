import { isAbsolute } from 'node:path';

/** What an entry of a folder is; a link is reported as a link, whatever it points at. */
export type EntryKind = 'file' | 'folder' | 'link' | 'other';

export interface FolderEntry {
  readonly name: string;
  readonly kind: EntryKind;
}

/**
 * Where the project's files are read from: the working tree, or a commit of the repository. Paths
 * are the ones the user gives and sees (relative to the current folder or absolute), so every
 * problem names a file the same way whichever source it came from. Each method throws an Error
 * whose message says what is wrong, worded the same by every source.
 */
export interface ProjectSource {
  /** The entries of `folder`, sorted by name. */
  list(folder: string): FolderEntry[];
  /** The UTF-8 text of the regular file at `path` (a link is followed), refused above `maxBytes`. */
  read(path: string, maxBytes: number): string;
  /** Whether something is at `path` (a link only when it resolves). */
  exists(path: string): boolean;
  /** Whether the link at `path`, in `folder`, resolves to a file inside `folder` (a dangling link counts as outside). */
  linkStaysInside(folder: string, path: string): boolean;
}

/** Entries in the order every source lists them: by name, compared by UTF-16 code units. */
export function byName(a: FolderEntry, b: FolderEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Whether `inside`, a path relative to a folder (as `path.relative` gives it), names something in
 * that folder: not the folder itself, nothing above it. A name that merely starts with two dots
 * ("..x.json") is inside.
 */
export function isInsideFolder(inside: string): boolean {
  return inside !== '' && !isAbsolute(inside) && inside.split(/[\\/]/)[0] !== '..';
}
