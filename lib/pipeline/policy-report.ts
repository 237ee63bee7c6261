import type { LoadResult } from '../load/load-project';
import { Problem } from '../load/problem';
import type { AppliedSuppression } from '../rules/run-rules';

/** What reviewers of one environment's comment learn about the guardrails. */
export interface PolicyReport {
  /** Policy warnings about the environment's apps, and those about no app in particular (a missing policy file). */
  readonly warnings: readonly Problem[];
  /** Suppressions the environment's apps declare, with their reasons. */
  readonly suppressions: readonly AppliedSuppression[];
  /** How many problems kept the project from loading. @default - it loaded */
  readonly problemsPreventingLoad?: number;
  /** IDs of the rules that found them, sorted, each once. @default - it loaded */
  readonly rulesPreventingLoad?: readonly string[];
}

/** The part of `loadProject()`'s result that concerns `environment`'s apps. */
export function policyReport(loaded: LoadResult, environment: string): PolicyReport {
  if (!loaded.project) {
    const rules = [...new Set(loaded.problems.flatMap((problem) => (problem.rule ? [problem.rule] : [])))].sort();
    return { warnings: [], suppressions: [], problemsPreventingLoad: loaded.problems.length, rulesPreventingLoad: rules };
  }
  const appFiles = new Set(loaded.project.apps.map((app) => app.file));
  const inEnvironment = new Set(loaded.project.apps.filter((app) => app.environments.includes(environment)).map((app) => app.key));
  const filesInEnvironment = new Set(loaded.project.apps.filter((app) => inEnvironment.has(app.key)).map((app) => app.file));
  return {
    warnings: loaded.warnings.filter((w) => !appFiles.has(w.file) || filesInEnvironment.has(w.file)),
    suppressions: loaded.project.suppressions.filter((s) => inEnvironment.has(s.app)),
  };
}
