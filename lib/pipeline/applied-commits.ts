import type { GitHubClient } from './github';

/**
 * Which commit of main each stack was last brought in line with, and which stacks are behind.
 *
 * A push applies only the stacks it affects, so a stack whose apply failed, was rejected, or
 * whose waiting job GitHub dropped for a newer run stays behind main until something applies it
 * again. The apply workflow's report job therefore records, per stack now in line with main
 * (applied, or nothing to apply), a commit status `okta-applied/<stack>` on the commit it
 * applied. The drift run reads the newest such status of every stack from main's history and
 * asks `affectedStacks` whether main changed the stack's Terraform since: those stacks were
 * merged but never applied. Commit statuses need only `statuses: write` and live as long as the
 * commit, unlike artifacts.
 */

/** The commit-status context that marks `stack` as in line with main at a commit. */
export function appliedContext(stack: string): string {
  return `okta-applied/${stack}`;
}

/** Records that every stack in `stacks` is in line with main at `sha`. */
export async function recordApplied(
  client: GitHubClient,
  repository: string,
  sha: string,
  stacks: readonly string[],
  runUrl: string,
): Promise<void> {
  for (const stack of stacks) {
    await client.request('POST', `/repos/${repository}/statuses/${sha}`, {
      state: 'success',
      context: appliedContext(stack),
      description: `${stack} is in line with this commit`,
      target_url: runUrl,
    });
  }
}

/**
 * The newest commit of `history` (newest first, main's first-parent line) at which each stack
 * was recorded in line with main; stacks without a record in `history` are left out. Stops
 * reading once every stack is found.
 */
export async function lastApplied(
  client: GitHubClient,
  repository: string,
  history: readonly string[],
  stacks: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const sha of history) {
    if (found.size === stacks.length) break;
    const statuses = (await client.request('GET', `/repos/${repository}/commits/${sha}/statuses?per_page=100`)) as {
      context: string;
      state: string;
    }[];
    for (const stack of stacks) {
      if (!found.has(stack) && statuses.some((s) => s.context === appliedContext(stack) && s.state === 'success')) found.set(stack, sha);
    }
  }
  return found;
}

/** A stack that is not known to be in line with main. */
export interface UnappliedStack {
  readonly stack: string;
  /** The last commit it was in line with; undefined when none of the history read records it. */
  readonly applied?: string;
}

/**
 * The stacks whose Terraform main changed after the commit they were last applied at, and the
 * stacks with no record at all. `changedSince(commit)` names the stacks whose Terraform differs
 * between that commit and main (`affectedStacks` with `base: commit`); it is asked once per
 * distinct commit.
 */
export function unappliedStacks(
  stacks: readonly string[],
  applied: ReadonlyMap<string, string>,
  head: string,
  changedSince: (commit: string) => ReadonlySet<string>,
): UnappliedStack[] {
  const changed = new Map<string, ReadonlySet<string>>();
  const behind: UnappliedStack[] = [];
  for (const stack of stacks) {
    const commit = applied.get(stack);
    if (commit === undefined) {
      behind.push({ stack });
      continue;
    }
    if (commit === head) continue;
    if (!changed.has(commit)) changed.set(commit, changedSince(commit));
    if (changed.get(commit)!.has(stack)) behind.push({ stack, applied: commit });
  }
  return behind;
}
