import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { synthesize } from '../cli/synth';
import { DEFAULT_ALLOWLISTS_DIR, loadProject, NOT_ALLOWLISTS, Project, ProjectSources } from '../load/load-project';

/** A stack the pull request plans or skips, and why, in words for the PR comment. */
export interface StackDecision {
  readonly environment: string;
  readonly stack: string;
  readonly reason: string;
}

export interface AffectedStacks {
  readonly planned: readonly StackDecision[];
  readonly skipped: readonly StackDecision[];
  /** Stacks the change would drop while their state may still hold apps: the check must fail. */
  readonly orphaned: readonly StackDecision[];
}

export interface AffectedStacksOptions extends ProjectSources {
  /** The commit the pull request starts from. */
  readonly base: string;
  /** The commit it proposes; the working tree must be checked out at it. @default "HEAD" */
  readonly head?: string;
  /** The git repository. @default - the current directory */
  readonly repository?: string;
}

/** Files that never change what Terraform does. */
const DOCUMENTATION = /(^docs\/|\.md$)/;

/**
 * Works out which stacks a change touches, the way Atlantis or digger pick projects, but
 * exactly: a change to anything but allow-list files (code, environments, policy, workflows)
 * plans every stack; otherwise the allow lists at base and head are both synthesized and a stack
 * is planned only when its Terraform differs. A stack that exists at base but not at head is
 * reported as orphaned.
 */
export function affectedStacks(options: AffectedStacksOptions): AffectedStacks {
  const head = options.head ?? 'HEAD';
  const shownDir = options.allowlistsDir ?? DEFAULT_ALLOWLISTS_DIR;
  // Git names files relative to the repository root, whatever folder the command runs in.
  const root = git(options.repository, 'rev-parse', '--show-toplevel').trim();
  const dir = relative(root, resolve(options.repository ?? '.', shownDir));
  const changed = git(options.repository, 'diff', '--name-only', '-z', `${options.base}...${head}`).split('\0').filter(Boolean);
  const isAllowlist = (path: string): boolean => dirname(path) === dir && path.endsWith('.json') && !NOT_ALLOWLISTS.has(path.slice(dir.length + 1));
  const other = changed.filter((path) => !isAllowlist(path) && !DOCUMENTATION.test(path));

  const headStacks = stackTexts(mustLoad(options, 'head'));
  if (other.length > 0) {
    const shown = other.slice(0, 3).join(', ') + (other.length > 3 ? ` and ${other.length - 3} more` : '');
    return decide(headStacks, () => `not only allow lists changed (${shown}): every stack is planned`);
  }
  if (!changed.some(isAllowlist)) return decide(headStacks, () => undefined);

  const baseDir = extractAt(options.repository, options.base, dir);
  let baseStacks: Map<string, string>;
  try {
    // File names appear in the stacks' error messages: show the base files under their real folder.
    baseStacks = stackTexts(mustLoad({ ...options, allowlistsDir: baseDir }, 'base'), (text) => text.split(baseDir).join(shownDir));
  } finally {
    rmSync(baseDir, { recursive: true, force: true });
  }
  const result = decide(headStacks, (stack, text) =>
    baseStacks.get(stack) === undefined ? 'a new stack' : baseStacks.get(stack) !== text ? 'its Terraform changes' : undefined,
  );
  const orphaned = [...baseStacks.keys()]
    .filter((stack) => !headStacks.has(stack))
    .map((stack) => ({
      environment: stack.split('--')[0],
      stack,
      reason: 'no allow-list file places an app in this stack any more, so it would never be planned again while its state may still hold apps: retire the apps ("retire") or move them ("previousShard") first',
    }));
  return { ...result, orphaned };
}

function decide(stacks: Map<string, string>, reasonOf: (stack: string, text: string) => string | undefined): AffectedStacks {
  const planned: StackDecision[] = [];
  const skipped: StackDecision[] = [];
  for (const [stack, text] of stacks) {
    const reason = reasonOf(stack, text);
    const environment = stack.split('--')[0];
    if (reason) planned.push({ environment, stack, reason });
    else skipped.push({ environment, stack, reason: 'its Terraform is unchanged by this pull request' });
  }
  return { planned, skipped, orphaned: [] };
}

function mustLoad(sources: ProjectSources, side: 'base' | 'head'): Project {
  const { project, problems } = loadProject(sources);
  if (!project) {
    throw new Error(`the allow lists at ${side} do not load (${problems.length} problem(s), first: ${problems[0]?.message}): run "npm run validate"`);
  }
  return project;
}

/** Every stack's synthesized Terraform, by stack name. */
function stackTexts(project: Project, normalize: (text: string) => string = (text) => text): Map<string, string> {
  const work = mkdtempSync(join(tmpdir(), 'affected-'));
  try {
    const out = join(work, 'cdktf.out');
    synthesize(project, out);
    const stacks = readdirSync(join(out, 'stacks')).sort();
    return new Map(stacks.map((stack) => [stack, normalize(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8'))]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The allow-list folder as committed at `ref`, written to a temp folder. */
function extractAt(repository: string | undefined, ref: string, dir: string): string {
  const target = mkdtempSync(join(tmpdir(), 'allowlists-at-'));
  const names = git(repository, 'ls-tree', '-z', '--name-only', ref, '--', `${dir}/`).split('\0').filter(Boolean);
  for (const path of names) {
    const file = join(target, path.slice(dir.length + 1));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, git(repository, 'show', `${ref}:${path}`));
  }
  return target;
}

function git(cwd: string | undefined, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}
