import { readFileSync } from 'node:fs';
import type { LoadResult } from '../load/load-project';
import type { AffectedStacks } from './affected-stacks';
import { accessOfChanges } from './access-changes';
import { allowlistChanges } from './allowlist-changes';
import { appSettingChanges } from './app-setting-changes';
import { assignmentRemovals } from './assignment-removals';
import { blockedChanges } from './blocked-changes';
import { commentMarker, renderPlanComment, StackReport } from './comment';
import { allowlistsAt } from './git-allowlists';
import { parsePlanJson, summarizePlan } from './plan-json';
import { policyReport } from './policy-report';
import { sharedServerChanges } from './shared-server-changes';

/** The files `scripts/ci/terraform-plan.sh` left for one stack. */
export interface StackPlanFiles {
  /** The stack, e.g. `dev--payroll`. */
  readonly stack: string;
  /** `terraform show -json` output. */
  readonly planJsonFile: string;
  /** `terraform show -no-color` output. @default - no full plan shown */
  readonly planTextFile?: string;
}

export interface PrSummaryOptions {
  /** The environment the comment is about. */
  readonly environment: string;
  /** What the comment reports; each purpose keeps its own comment. @default "plan" */
  readonly purpose?: 'plan' | 'apply' | 'drift';
  /** Commit the pull request starts from. @default - no allow-list section */
  readonly base?: string;
  /** Commit the pull request proposes. @default "HEAD" */
  readonly head?: string;
  /** The git repository. @default - the current directory */
  readonly repository?: string;
  /** Allow-list folder inside the repository. @default "allowlists" */
  readonly allowlistsDir?: string;
  /** What `npm run affected` decided; only this environment's stacks are shown. @default - the stacks of `plans` and `failedStacks` */
  readonly affected?: AffectedStacks;
  /** The plans that were made. @default - none */
  readonly plans?: readonly StackPlanFiles[];
  /** Stacks whose plan failed before `terraform show` could run. @default - none */
  readonly failedStacks?: readonly string[];
  /** Why no plan was made at all. @default - plans were made */
  readonly planSkipped?: string;
  /** A line under the heading, e.g. the outcome of an apply. @default - none */
  readonly note?: string;
  /** The project as `loadProject()` loaded it at head: its policy warnings and suppressions for the environment's apps are listed. @default - no policy section */
  readonly loaded?: LoadResult;
  /** Where a stack's full plan is kept, `{stack}` standing for its name. @default "the workflow run's artifacts" */
  readonly fullPlanLocation?: string;
}

const TITLES = { plan: 'Okta plan', apply: 'Okta apply', drift: 'Okta drift' } as const;

/** The Markdown body for one environment: what `npm run pr-summary` prints. */
export function prSummary(options: PrSummaryOptions): string {
  const purpose = options.purpose ?? 'plan';
  const git = { cwd: options.repository, dir: options.allowlistsDir };
  const base = options.base === undefined ? undefined : allowlistsAt(options.base, git);
  const head = base && allowlistsAt(options.head ?? 'HEAD', git);
  const changes = base && head && allowlistChanges(base, head, options.environment);
  const settings = options.loaded?.project?.plans.find((p) => p.name === options.environment)?.settings;
  const access = changes && settings && accessOfChanges(changes, base!, head!, settings, options.environment);
  const ofEnvironment = <T extends { environment: string }>(decisions: readonly T[] = []) =>
    decisions.filter((d) => d.environment === options.environment);
  const planned = ofEnvironment(options.affected?.planned);
  const plans = new Map((options.plans ?? []).map((p) => [p.stack, p]));
  const stackNames = [...new Set([...planned.map((d) => d.stack), ...plans.keys(), ...(options.failedStacks ?? [])])].sort();
  const stacks = stackNames.map((stack): StackReport => {
    const files = plans.get(stack);
    const json = files && parsePlanJson(readFileSync(files.planJsonFile, 'utf8'), files.planJsonFile);
    return {
      stack,
      reason: planned.find((d) => d.stack === stack)?.reason,
      plan: json && summarizePlan(json),
      blocked: json && blockedChanges(json),
      settings: json && appSettingChanges(json),
      shared: json && sharedServerChanges(json),
      unassigned: json && assignmentRemovals(json),
      planText: files?.planTextFile === undefined ? undefined : readFileSync(files.planTextFile, 'utf8'),
    };
  });
  return renderPlanComment({
    environment: options.environment,
    marker: commentMarker(purpose, options.environment),
    title: TITLES[purpose],
    changes,
    access,
    policy: options.loaded && policyReport(options.loaded, options.environment),
    stacks,
    skipped: ofEnvironment(options.affected?.skipped),
    planSkipped: options.planSkipped,
    fullPlanLocation: options.fullPlanLocation,
    note: options.note,
  });
}
