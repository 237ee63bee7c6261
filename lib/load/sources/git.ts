import { execFileSync } from 'node:child_process';

/** Runs git in `cwd` and returns its output; throws with git's message when it fails. */
export function git(cwd: string | undefined, ...args: string[]): string {
  return runGit(cwd, args).toString('utf8');
}

function runGit(cwd: string | undefined, args: readonly string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
}

/**
 * The contents of git objects (blobs), in request order: one `git cat-file --batch` however many
 * there are (a `git show` per file costs a process each, seconds for a thousand allow lists).
 */
export function readObjects(cwd: string | undefined, objects: readonly string[]): Buffer[] {
  if (objects.length === 0) return [];
  // Output: "<object> <type> <size>\n<content>\n" per requested object, in request order.
  const output = runGit(cwd, ['cat-file', '--batch'], `${objects.join('\n')}\n`);
  const contents: Buffer[] = [];
  let offset = 0;
  for (const object of objects) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.toString('utf8', offset, headerEnd).split(' ');
    if (header[1] === 'missing') throw new Error(`git has no object ${object}`);
    const size = Number(header[2]);
    contents.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return contents;
}
