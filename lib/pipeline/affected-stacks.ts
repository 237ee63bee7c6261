import { basename, dirname, relative, resolve } from 'node:path';
import { readJsonInput } from '../cli/json-input';
import { synthesizeInMemory } from '../cli/synth';
import { DEFAULT_ALLOWLISTS_DIR, isAllowlistFile, loadProject, Project, ProjectSources } from '../load/load-project';
import { git } from '../load/sources/git';
import { GitSource } from '../load/sources/git-source';
import { stacksOf } from '../plan/environment-plan';

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

/** `--affected` as the scripts that act on a whole environment's selected stacks declare it (read with readAffectedStacks). */
export const REQUIRED_AFFECTED_OPTION = {
  type: 'string',
  value: 'file',
  description: 'the stack selection (`npm run affected` or stack-matrix.ts --write)',
  required: true,
} as const;

/** The stack selection in `file` (given as `--affected`), shape-checked: what `npm run affected` printed. */
export function readAffectedStacks(file: string): AffectedStacks {
  return readJsonInput('--affected', file, '`npm run affected` output', isAffectedStacks);
}

/** Whether a parsed JSON value has the shape `npm run affected` prints (checked where a file of it is read). */
export function isAffectedStacks(value: unknown): value is AffectedStacks {
  const isDecisions = (list: unknown): boolean =>
    Array.isArray(list) &&
    list.every(
      (d: Partial<StackDecision> | null) =>
        typeof d === 'object' && d !== null && typeof d.environment === 'string' && typeof d.stack === 'string',
    );
  if (typeof value !== 'object' || value === null) return false;
  const { planned, skipped, orphaned } = value as Partial<Record<keyof AffectedStacks, unknown>>;
  return isDecisions(planned) && isDecisions(skipped) && isDecisions(orphaned);
}

export interface AffectedStacksOptions extends Omit<ProjectSources, 'source'> {
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
 * plans every stack. Otherwise the only stacks whose Terraform can differ are the shards of the
 * changed apps (before and after) and the environments' shared stacks; those are synthesized at
 * base and at head, and a stack is planned only when its Terraform differs. A stack that exists
 * at base but not at head is reported as orphaned while its apps were still managed at base.
 */
export function affectedStacks(options: AffectedStacksOptions): AffectedStacks {
  const head = options.head ?? 'HEAD';
  // Git names changed files relative to the repository root, whatever folder the command runs in.
  const root = git(options.repository, 'rev-parse', '--show-toplevel').trim();
  const dir = relative(root, resolve(options.repository ?? '.', options.allowlistsDir ?? DEFAULT_ALLOWLISTS_DIR));
  const changed = git(options.repository, 'diff', '--name-only', '--no-renames', '-z', `${options.base}...${head}`)
    .split('\0')
    .filter(Boolean);
  const keyOf = (path: string): string | undefined =>
    dirname(path) === dir && isAllowlistFile(basename(path)) ? basename(path, '.json') : undefined;
  const other = changed.filter((path) => keyOf(path) === undefined && !DOCUMENTATION.test(path));

  const headProject = mustLoad(options, 'head');
  const headStacks = headProject.plans.flatMap(stacksOf);
  const keys = new Set(changed.map(keyOf).filter((k): k is string => k !== undefined));
  if (other.length === 0 && keys.size === 0) return decide(headStacks, () => undefined);

  // The base is read from git under the same paths as the head, so file names in its stacks and
  // messages are the ones the head has: nothing is copied out or renamed.
  const base = { ...options, source: new GitSource({ ref: options.base, cwd: options.repository }) };
  if (other.length > 0) {
    // Code, environments or policy changed: everything is planned, and the base is loaded (with
    // its own environments file) only to find stacks the change would drop. Base files that the
    // new code no longer accepts leave that check out rather than block the PR.
    const baseProject = loadProject(base).project;
    const shown = other.slice(0, 3).join(', ') + (other.length > 3 ? ` and ${other.length - 3} more` : '');
    const result = decide(headStacks, () => `not only allow lists changed (${shown}): every stack is planned`);
    return baseProject ? withVanishedStacks(result, baseProject, headStacks) : result;
  }
  const baseProject = mustLoad(base, 'base');
  const baseStacks = baseProject.plans.flatMap(stacksOf);
  const candidates = new Set([...candidateStacks(baseProject, keys), ...candidateStacks(headProject, keys)]);
  const include = (stack: string): boolean => candidates.has(stack);
  const before = synthesizeInMemory(baseProject, include);
  const after = synthesizeInMemory(headProject, include);
  const result = decide(headStacks, (stack) =>
    !baseStacks.includes(stack)
      ? 'a new stack'
      : candidates.has(stack) && before.get(stack) !== after.get(stack)
        ? 'its Terraform changes'
        : undefined,
  );
  return withVanishedStacks(result, baseProject, headStacks);
}

/**
 * Stacks of the base that the head no longer has: orphaned when their apps were still managed at
 * base (nothing would ever plan their state again), merely skipped when every app had been
 * retired or moved away.
 */
function withVanishedStacks(result: AffectedStacks, baseProject: Project, headStacks: readonly string[]): AffectedStacks {
  const stillManaging = new Set(
    baseProject.plans.flatMap((plan) => plan.shards.filter((shard) => shard.apps.length > 0).map((shard) => shard.stack)),
  );
  const vanished = baseProject.plans.flatMap(stacksOf).filter((stack) => !headStacks.includes(stack));
  const orphaned = vanished
    .filter((stack) => stillManaging.has(stack))
    .map((stack) => ({
      environment: environmentOf(stack),
      stack,
      reason:
        'no allow-list file places an app in this stack any more, so it would never be planned again while its state still holds apps: retire the apps ("retire") or move them ("previousShard"), apply, then delete the files',
    }));
  const emptied = vanished
    .filter((stack) => !stillManaging.has(stack))
    .map((stack) => ({
      environment: environmentOf(stack),
      stack,
      reason: 'its apps were all retired or moved away before: the stack is no longer needed',
    }));
  return { ...result, skipped: [...result.skipped, ...emptied], orphaned };
}

/** The stacks a change to `keys` can touch: every shared stack, and the shards holding those apps. */
function candidateStacks(project: Project, keys: ReadonlySet<string>): string[] {
  return project.plans.flatMap((plan) => [
    plan.sharedStack,
    ...plan.shards
      .filter((shard) =>
        [...shard.apps.map((a) => a.app.key), ...shard.forgotten, ...shard.destroyed, ...shard.movedOut].some((k) => keys.has(k)),
      )
      .map((shard) => shard.stack),
  ]);
}

const environmentOf = (stack: string): string => stack.split('--')[0];

function decide(stacks: readonly string[], reasonOf: (stack: string) => string | undefined): AffectedStacks {
  const planned: StackDecision[] = [];
  const skipped: StackDecision[] = [];
  for (const stack of stacks) {
    const reason = reasonOf(stack);
    if (reason) planned.push({ environment: environmentOf(stack), stack, reason });
    else skipped.push({ environment: environmentOf(stack), stack, reason: 'its Terraform is unchanged by this pull request' });
  }
  return { planned, skipped, orphaned: [] };
}

function mustLoad(sources: ProjectSources, side: 'base' | 'head'): Project {
  const { project, problems } = loadProject(sources);
  if (!project) {
    throw new Error(
      `the allow lists at ${side} do not load (${problems.length} problem(s), first: ${problems[0]?.message}): run "npm run validate"`,
    );
  }
  return project;
}
