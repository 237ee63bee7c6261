import { basename, dirname, resolve } from 'node:path';
import { refuseOversize } from '../read-file';
import { byName, FolderEntry, ProjectSource } from './project-source';

/**
 * `base` with `files` (path → text) added over it, in memory: what the project would be once
 * they are written, so it is checked before anything is. The added files are regular files,
 * held to the same size limit as any other; a folder that only they are in exists.
 */
export function withFiles(base: ProjectSource, files: ReadonlyMap<string, string>): ProjectSource {
  const added = new Map([...files].map(([path, text]) => [resolve(path), text]));
  const addedIn = (folder: string): FolderEntry[] =>
    [...added.keys()].filter((path) => dirname(path) === resolve(folder)).map((path) => ({ name: basename(path), kind: 'file' }));
  return {
    list: (folder) => {
      const own = addedIn(folder);
      let entries: FolderEntry[];
      try {
        entries = base.list(folder);
      } catch (error) {
        if (own.length === 0) throw error;
        entries = [];
      }
      const names = new Set(own.map((entry) => entry.name));
      return [...entries.filter((entry) => !names.has(entry.name)), ...own].sort(byName);
    },
    read: (path, maxBytes) => {
      const text = added.get(resolve(path));
      if (text === undefined) return base.read(path, maxBytes);
      refuseOversize(Buffer.byteLength(text), maxBytes);
      return text;
    },
    exists: (path) => added.has(resolve(path)) || base.exists(path),
    linkStaysInside: (folder, path) => !added.has(resolve(path)) && base.linkStaysInside(folder, path),
  };
}
