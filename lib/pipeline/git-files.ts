import { execFileSync } from 'node:child_process';

/** Runs git in `cwd` and returns its output; throws with git's message when it fails. */
export function git(cwd: string | undefined, ...args: string[]): string {
  return runGit(cwd, args).toString('utf8');
}

function runGit(cwd: string | undefined, args: readonly string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
}

/**
 * Every file under `dir` as committed at `ref`, by repository path: one `git ls-tree` and one
 * `git cat-file --batch` however many files there are (a `git show` per file costs a process
 * each, seconds for a thousand allow lists).
 */
export function filesAt(ref: string, dir: string, cwd?: string): Map<string, string> {
  const entries = git(cwd, 'ls-tree', '-r', '-z', ref, '--', `${dir.replace(/\/+$/, '')}/`)
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t');
      return { path, object: meta.split(' ')[2] };
    });
  const files = new Map<string, string>();
  if (entries.length === 0) return files;
  // Output: "<object> blob <size>\n<content>\n" per requested object, in request order.
  const output = runGit(cwd, ['cat-file', '--batch'], `${entries.map((e) => e.object).join('\n')}\n`);
  let offset = 0;
  for (const { path } of entries) {
    const headerEnd = output.indexOf(0x0a, offset);
    const size = Number(output.toString('utf8', offset, headerEnd).split(' ')[2]);
    files.set(path, output.toString('utf8', headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return files;
}
