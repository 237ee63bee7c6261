import { Dirent, existsSync, readdirSync, realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { readRegularFile } from '../read-file';
import { byName, EntryKind, isInsideFolder, ProjectSource } from './project-source';

/** The files as they are on disk, uncommitted edits included. */
export const WORKING_TREE: ProjectSource = {
  list: (folder) =>
    readdirSync(folder, { withFileTypes: true })
      .map((entry) => ({ name: entry.name, kind: kindOf(entry) }))
      .sort(byName),
  read: (path, maxBytes) => readRegularFile(path, maxBytes),
  exists: (path) => existsSync(path),
  linkStaysInside: (folder, path) => {
    try {
      return isInsideFolder(relative(realpathSync(folder), realpathSync(path)));
    } catch {
      return false;
    }
  },
};

function kindOf(entry: Dirent): EntryKind {
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'folder';
  return 'other';
}
