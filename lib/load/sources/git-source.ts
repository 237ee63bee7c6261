import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { decodeText, notRegularFile, refuseOversize } from '../read-file';
import { git, readObjects } from './git';
import { byName, EntryKind, FolderEntry, ProjectSource } from './project-source';

export interface GitSourceProps {
  /** The commit to read, as anything git accepts (a SHA, a branch, `HEAD~1`); resolved once, when the source is made. */
  readonly ref: string;
  /** The folder paths are relative to, inside the repository. @default - the current directory */
  readonly cwd?: string;
}

/** One entry of a git tree, as `git ls-tree -l` prints it. */
interface TreeEntry {
  readonly mode: string;
  readonly object: string;
  /** Bytes of a blob; undefined for a folder or a submodule. */
  readonly size?: number;
}

const LINK_MODE = '120000';
/** As many links as Linux follows before it gives up (ELOOP). */
const MAX_LINKS = 40;

/**
 * The files as committed at one commit, read with git and never written anywhere, so two commits
 * compare without a checkout. It behaves like the working tree for the same files: a link
 * (mode 120000) is followed inside the repository, a blob above the size limit or a folder is
 * refused with the same words, and a missing file is missing.
 */
export class GitSource implements ProjectSource {
  /** The commit read. */
  readonly commit: string;
  private readonly cwd: string;
  /** Where `cwd` is in the repository, as git sees it (so a link in the path to it changes nothing): "" or "a/b/". */
  private readonly prefix: string;
  private readonly trees = new Map<string, Map<string, TreeEntry> | undefined>();
  private readonly listed = new Set<string>();
  private readonly blobs = new Map<string, Buffer>();

  /** Throws when `ref` does not name a commit. */
  constructor(props: GitSourceProps) {
    this.cwd = props.cwd ?? '.';
    try {
      this.commit = git(this.cwd, 'rev-parse', '--verify', '--quiet', `${props.ref}^{commit}`).trim();
    } catch {
      throw new Error(`the git ref must name a commit, but got ${JSON.stringify(props.ref)}: fetch it first`);
    }
    this.prefix = git(this.cwd, 'rev-parse', '--show-prefix').trim();
  }

  list(folder: string): FolderEntry[] {
    const at = this.repositoryPath(folder);
    const tree = at === undefined ? undefined : this.tree(at);
    if (at === undefined || tree === undefined) {
      const blob = at !== undefined && this.entry(at) !== undefined;
      throw new Error(`${blob ? 'ENOTDIR: not a directory' : 'ENOENT: no such file or directory'}, scandir '${folder}'`);
    }
    this.listed.add(at);
    return [...tree].map(([name, entry]) => ({ name, kind: kindOf(entry) })).sort(byName);
  }

  read(path: string, maxBytes: number): string {
    const found = this.resolved(path);
    if (!found) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    if (found.entry.size === undefined) throw notRegularFile('a folder');
    refuseOversize(found.entry.size, maxBytes);
    return decodeText(this.blob(found.at, found.entry, maxBytes));
  }

  exists(path: string): boolean {
    return this.resolved(path) !== undefined;
  }

  linkStaysInside(folder: string, path: string): boolean {
    const inFolder = this.repositoryPath(folder);
    const target = this.resolved(path)?.at;
    if (inFolder === undefined || target === undefined) return false;
    const inside = posix.relative(inFolder, target);
    return inside !== '' && !inside.startsWith('..');
  }

  /** Where a path the user gives is inside the repository (posix, '' for its root); undefined outside it. */
  private repositoryPath(path: string): string | undefined {
    const fromCwd = relative(resolve(this.cwd), resolve(this.cwd, path));
    if (isAbsolute(fromCwd)) return undefined;
    const inside = posix.normalize(posix.join(this.prefix, fromCwd.split(sep).join(posix.sep)));
    if (inside === '..' || inside.startsWith('../')) return undefined;
    return inside === '.' ? '' : inside;
  }

  /** The entry `path` ends at after following links; undefined when nothing is there. */
  private resolved(path: string): { at: string; entry: TreeEntry } | undefined {
    let at = this.repositoryPath(path);
    for (let links = 0; at !== undefined; links++) {
      const entry = this.entry(at);
      if (entry?.mode !== LINK_MODE) return entry && { at, entry };
      if (links === MAX_LINKS) throw new Error(`ELOOP: too many symbolic links encountered, open '${path}'`);
      const target = this.blob(at, entry, Infinity).toString('utf8');
      // A link to an absolute path or out of the repository points at nothing the commit holds.
      const next = posix.normalize(posix.join(posix.dirname(at), target));
      at = posix.isAbsolute(target) || next === '..' || next.startsWith('../') ? undefined : next === '.' ? '' : next;
    }
    return undefined;
  }

  private entry(at: string): TreeEntry | undefined {
    if (at === '') return { mode: '040000', object: `${this.commit}^{tree}` };
    return this.tree(posix.dirname(at) === '.' ? '' : posix.dirname(at))?.get(posix.basename(at));
  }

  /** The entries of the folder `at`, by name; undefined when there is no such folder. */
  private tree(at: string): Map<string, TreeEntry> | undefined {
    if (!this.trees.has(at)) this.trees.set(at, this.readTree(at));
    return this.trees.get(at);
  }

  private readTree(at: string): Map<string, TreeEntry> | undefined {
    let output: string;
    try {
      // --full-tree: in a sub-folder, ls-tree would otherwise list only what is under that folder.
      output = git(this.cwd, 'ls-tree', '--full-tree', '-l', '-z', `${this.commit}:${at}`);
    } catch {
      return undefined;
    }
    const entries = new Map<string, TreeEntry>();
    // "<mode> <type> <object> <size>\t<name>", the size padded with spaces and "-" for a folder.
    for (const line of output.split('\0').filter(Boolean)) {
      const tab = line.indexOf('\t');
      const [mode, , object, size] = line.slice(0, tab).split(/ +/);
      entries.set(line.slice(tab + 1), { mode, object, size: size === '-' ? undefined : Number(size) });
    }
    return entries;
  }

  /**
   * A blob's content. The first read in a folder that was listed fetches every other file of that
   * folder within `maxBytes` too, since the loader reads them all: one git process per folder.
   */
  private blob(at: string, entry: TreeEntry, maxBytes: number): Buffer {
    const cached = this.blobs.get(entry.object);
    if (cached) return cached;
    const folder = posix.dirname(at) === '.' ? '' : posix.dirname(at);
    const siblings = this.listed.has(folder)
      ? [...(this.tree(folder)?.values() ?? [])].filter(
          (e) => e.mode !== LINK_MODE && e.size !== undefined && e.size <= maxBytes && !this.blobs.has(e.object),
        )
      : [];
    const objects = [...new Set([entry.object, ...siblings.map((e) => e.object)])];
    readObjects(this.cwd, objects).forEach((content, index) => this.blobs.set(objects[index], content));
    return this.blobs.get(entry.object)!;
  }
}

function kindOf(entry: TreeEntry): EntryKind {
  if (entry.mode === LINK_MODE) return 'link';
  // A submodule (160000) is a folder in the working tree.
  return entry.size === undefined ? 'folder' : 'file';
}
