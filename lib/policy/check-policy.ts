import { Problem } from '../load/problem';
import { AppModel } from '../model/app';
import { PolicyFileData } from './policy-file';
import { RuleLevel } from '../rules/rule';
import { PolicyContext, PolicyRule } from './rule';
import { POLICY_RULES } from './rules';
import { own } from '../model/own';

/** A suppression a file declares, as reviewers see it in the PR summary. */
export interface AppliedSuppression {
  /** Key of the app whose file declares it. */
  readonly app: string;
  /** Path of that file. */
  readonly file: string;
  /** Line of the suppression in the file. */
  readonly line: number;
  /** The suppressed rule's ID. */
  readonly rule: string;
  /** Why the file's owners say the rule does not apply. */
  readonly reason: string;
  /** How many findings it silenced in this run; 0 means it is no longer needed. */
  readonly silenced: number;
}

export interface PolicyResult {
  /** Findings at level "error": they block like schema problems. */
  readonly errors: readonly Problem[];
  /** Findings at level "warning": reported, never blocking. */
  readonly warnings: readonly Problem[];
  /** Every valid suppression, whether or not it silenced anything. */
  readonly suppressions: readonly AppliedSuppression[];
}

/** A rule's level and suppressibility after policy.json's `rules` settings. */
export function effectiveSettings(rule: PolicyRule, policy: PolicyFileData): { level: RuleLevel; suppressible: boolean } {
  if (rule.configurable === false) return { level: rule.level, suppressible: false };
  const settings = own(policy.rules, rule.id);
  return { level: settings?.level ?? rule.level, suppressible: settings?.suppressible ?? true };
}

/**
 * Runs every rule of `pack` on every app. A finding in a file that validly suppresses its rule
 * is counted against the suppression instead of reported. Messages start with "[ID level]".
 */
export function checkPolicy(apps: readonly AppModel[], policy: PolicyFileData, pack: readonly PolicyRule[] = POLICY_RULES): PolicyResult {
  const settings = new Map(pack.map((rule) => [rule.id, effectiveSettings(rule, policy)]));
  const isSuppressible = (id: string): boolean => settings.get(id)?.suppressible ?? false;
  const silenced = new Map<AppModel, Map<string, number>>(
    apps.map((app) => [app, new Map((app.data.suppressions ?? []).filter((s) => isSuppressible(s.rule)).map((s) => [s.rule, 0]))]),
  );
  const suppresses = (app: AppModel, id: string): boolean => silenced.get(app)?.has(id) ?? false;

  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const ruleIds = pack.map((r) => r.id);
  for (const rule of pack) {
    const { level } = settings.get(rule.id)!;
    // Apps that suppress a rule do not count for others; a suppressing app still sees itself
    // (rules add the checked app when it is missing), so a suppression shows what it silences.
    // One list per rule keeps the whole check linear in the number of apps.
    const context: PolicyContext = { policy, apps: apps.filter((other) => !suppresses(other, rule.id)), ruleIds, isSuppressible };
    for (const app of apps) {
      const findings = rule.check(app, context);
      if (suppresses(app, rule.id)) {
        const counts = silenced.get(app)!;
        counts.set(rule.id, counts.get(rule.id)! + findings.length);
        continue;
      }
      const target = level === 'error' ? errors : warnings;
      for (const finding of findings) {
        target.push({ ...app.document.problem(finding.path, `[${rule.id} ${level}] ${finding.message}`), level, rule: rule.id });
      }
    }
  }
  return { errors, warnings, suppressions: apps.flatMap((app) => appliedSuppressions(app, silenced.get(app)!)) };
}

function appliedSuppressions(app: AppModel, counts: ReadonlyMap<string, number>): AppliedSuppression[] {
  return (app.data.suppressions ?? []).flatMap((suppression, index) => {
    const count = counts.get(suppression.rule);
    // The first entry for a rule is the one that counts; OKTA-S1 reports any repeat.
    const first = app.data.suppressions!.findIndex((s) => s.rule === suppression.rule) === index;
    if (count === undefined || !first) return [];
    const { line } = app.document.locate(['suppressions', index]);
    return [{ app: app.key, file: app.file, line, rule: suppression.rule, reason: suppression.reason, silenced: count }];
  });
}
