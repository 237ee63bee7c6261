import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { decodeText, MAX_FILE_BYTES, notRegularFile, refuseOversize } from '../read-file';
import { git, readObjects } from './git';
import { byName, EntryKind, FolderEntry, isInsideFolder, ProjectSource } from './project-source';

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
const TREE_MODE = '040000';
/** As many links as Linux follows before it gives up (ELOOP). */
const MAX_LINKS = 40;

/** Thrown when a ref names no commit of the repository (not fetched, or mistyped). */
export class UnknownCommitError extends Error {
  constructor(readonly ref: string) {
    super(`the git ref must name a commit, but got ${JSON.stringify(ref)}: fetch it first`);
    this.name = 'UnknownCommitError';
  }
}

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

  /** Throws an UnknownCommitError when `ref` names no commit, an Error when `cwd` is not in a git work tree. */
  constructor(props: GitSourceProps) {
    this.cwd = props.cwd ?? '.';
    try {
      this.prefix = git(this.cwd, 'rev-parse', '--show-prefix').trim();
    } catch (error) {
      throw new Error(`reading files at a commit needs a git work tree, but ${resolve(this.cwd)} is not in one`, { cause: error });
    }
    try {
      this.commit = git(this.cwd, 'rev-parse', '--verify', '--quiet', `${props.ref}^{commit}`).trim();
    } catch {
      throw new UnknownCommitError(props.ref);
    }
  }

  list(folder: string): FolderEntry[] {
    const found = this.resolved(folder, 'scandir');
    if (!found) throw new Error(`ENOENT: no such file or directory, scandir '${folder}'`);
    const tree = found.entry.mode === TREE_MODE ? this.tree(found.at) : undefined;
    if (!tree) throw new Error(`ENOTDIR: not a directory, scandir '${folder}'`);
    this.listed.add(found.at);
    return [...tree].map(([name, entry]) => ({ name, kind: kindOf(entry) })).sort(byName);
  }

  read(path: string, maxBytes: number): string {
    const found = this.resolved(path, 'open');
    if (!found) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    if (found.entry.size === undefined) throw notRegularFile('a folder');
    refuseOversize(found.entry.size, maxBytes);
    return decodeText(this.blob(found.at, found.entry, maxBytes));
  }

  exists(path: string): boolean {
    try {
      return this.resolved(path, 'stat') !== undefined;
    } catch {
      return false; // a link loop, as existsSync says
    }
  }

  linkStaysInside(folder: string, path: string): boolean {
    try {
      const inFolder = this.resolved(folder, 'stat')?.at;
      const target = this.resolved(path, 'stat')?.at;
      if (inFolder === undefined || target === undefined) return false;
      return isInsideFolder(posix.relative(inFolder, target));
    } catch {
      return false;
    }
  }

  /** Where a path the user gives is inside the repository (posix, '' for its root); undefined outside it. */
  private repositoryPath(path: string): string | undefined {
    const fromCwd = relative(resolve(this.cwd), resolve(this.cwd, path));
    if (isAbsolute(fromCwd)) return undefined;
    return insideRepository(posix.join(this.prefix, fromCwd.split(sep).join(posix.sep)));
  }

  /** Where the user's `path` really is in the commit, every link on the way followed (as `operation` would); undefined when nothing is there. */
  private resolved(path: string, operation: string): Resolved | undefined {
    const at = this.repositoryPath(path);
    const links = { followed: 0, path, operation };
    return at === undefined ? undefined : this.follow(at, links);
  }

  private follow(at: string, links: { followed: number; readonly path: string; readonly operation: string }): Resolved | undefined {
    if (at === '') return { at, entry: { mode: TREE_MODE, object: `${this.commit}^{tree}` } };
    const parent = this.follow(posix.dirname(at) === '.' ? '' : posix.dirname(at), links);
    const entry = parent?.entry.mode === TREE_MODE ? this.tree(parent.at)?.get(posix.basename(at)) : undefined;
    if (!parent || !entry) return undefined;
    const real = posix.join(parent.at, posix.basename(at));
    if (entry.mode !== LINK_MODE) return { at: real, entry };
    if (++links.followed > MAX_LINKS) throw new Error(`ELOOP: too many symbolic links encountered, ${links.operation} '${links.path}'`);
    // A link's own blob is always read; the limit is for the files fetched beside it.
    const target = this.blob(real, entry, MAX_FILE_BYTES).toString('utf8');
    // A link to an absolute path or out of the repository points at nothing the commit holds.
    const next = posix.isAbsolute(target) ? undefined : insideRepository(posix.join(parent.at, target));
    return next === undefined ? undefined : this.follow(next, links);
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

/** An entry with where it really is in the repository. */
interface Resolved {
  readonly at: string;
  readonly entry: TreeEntry;
}

/** `path` normalized, '' for the repository's root; undefined when it leads out of the repository. */
function insideRepository(path: string): string | undefined {
  const normal = posix.normalize(path);
  if (normal === '..' || normal.startsWith('../')) return undefined;
  return normal === '.' ? '' : normal;
}

function kindOf(entry: TreeEntry): EntryKind {
  if (entry.mode === LINK_MODE) return 'link';
  // A submodule (160000) is a folder in the working tree.
  return entry.size === undefined ? 'folder' : 'file';
}
