import { EnvironmentPlan } from '../plan/environment-plan';
import type { AffectedStacks, StackDecision } from './affected-stacks';

/** What the workflows' per-environment matrices run, as job outputs for `fromJSON`. */
export interface StackMatrix {
  /** Stacks to plan, by environment; every environment has an entry, `[]` when none. */
  readonly stacks: Readonly<Record<string, readonly string[]>>;
  /** Most stacks of an environment planned or applied at once: its `rateLimits.parallelJobs`. */
  readonly parallelJobs: Readonly<Record<string, number>>;
}

/**
 * The matrix of the planned stacks. The cap comes from the environment's own settings because
 * the stacks' providers split `maxApiCapacity` by the same number: running more stacks at once
 * than that would use more of Okta's rate limit than the environment allows.
 */
export function stackMatrix(plans: readonly EnvironmentPlan[], planned: readonly StackDecision[]): StackMatrix {
  return {
    stacks: Object.fromEntries(plans.map((p) => [p.name, planned.filter((d) => d.environment === p.name).map((d) => d.stack)])),
    parallelJobs: Object.fromEntries(plans.map((p) => [p.name, p.settings.rateLimits.parallelJobs])),
  };
}

/** Every stack, in the shape `npm run affected` prints, for runs that cover everything (drift, manual apply). */
export function everyStack(plans: readonly EnvironmentPlan[], reason: string): AffectedStacks {
  const planned = plans.flatMap((p) =>
    [p.sharedStack, ...p.shards.map((s) => s.stack)].map((stack) => ({ environment: p.name, stack, reason })),
  );
  return { planned, skipped: [], orphaned: [] };
}
