import { readFileSync } from 'node:fs';
import { Problem } from '../load/problem';
import { allowlistChanges } from './allowlist-changes';
import { commentMarker, renderPlanComment } from './comment';
import { allowlistsAt } from './git-allowlists';
import { parsePlanJson, summarizePlan } from './plan-json';

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
  /** `terraform show -json` output. @default - no Terraform section */
  readonly planJsonFile?: string;
  /** `terraform show -no-color` output. @default - no full plan */
  readonly planTextFile?: string;
  /** Why no plan was made. @default - a plan was made */
  readonly planSkipped?: string;
  /** A line under the heading, e.g. the outcome of an apply. @default - none */
  readonly note?: string;
  /** Policy findings to list. @default - no policy section */
  readonly policy?: readonly Problem[];
  /** Where the full plan is kept, for the truncation note. @default "the workflow run's artifacts" */
  readonly fullPlanLocation?: string;
}

const TITLES = { plan: 'Okta plan', apply: 'Okta apply', drift: 'Okta drift' } as const;

/** The Markdown body for one environment: what `npm run pr-summary` prints. */
export function prSummary(options: PrSummaryOptions): string {
  const purpose = options.purpose ?? 'plan';
  const git = { cwd: options.repository, dir: options.allowlistsDir };
  const changes =
    options.base === undefined ? undefined : allowlistChanges(allowlistsAt(options.base, git), allowlistsAt(options.head ?? 'HEAD', git), options.environment);
  const plan = options.planJsonFile && summarizePlan(parsePlanJson(readFileSync(options.planJsonFile, 'utf8'), options.planJsonFile));
  return renderPlanComment({
    environment: options.environment,
    marker: commentMarker(purpose, options.environment),
    title: TITLES[purpose],
    changes,
    policy: options.policy,
    plan: plan || undefined,
    planText: options.planTextFile === undefined ? undefined : readFileSync(options.planTextFile, 'utf8'),
    planSkipped: options.planSkipped,
    fullPlanLocation: options.fullPlanLocation,
    note: options.note,
  });
}
