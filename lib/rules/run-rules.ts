import { JsonDocument } from '../load/json-document';
import { Problem } from '../load/problem';
import { AllowlistFileData } from '../model/allowlist-file';
import { AppModel } from '../model/app';
import { EnvironmentsFileData } from '../model/environments-file';
import { EnvironmentsModel } from '../model/environment';
import { own } from '../model/own';
import { PolicyFileData } from '../policy/policy-file';
import { PolicyContext, PolicyRule } from '../policy/rule';
import { POLICY_RULES } from '../policy/rules';
import { BUILT_IN_RULES, builtInRules } from '.';
import { FileRule, Finding, RuleContext, RuleInfo, RuleLevel } from './rule';

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

export interface FileRulesResult {
  /** Findings at level "error": they block like schema problems. */
  readonly errors: readonly Problem[];
  /** Findings at level "warning": reported, never blocking. */
  readonly warnings: readonly Problem[];
  /** Every valid suppression, whether or not it silenced anything. */
  readonly suppressions: readonly AppliedSuppression[];
}

export interface FileRulesOptions {
  readonly environments: EnvironmentsModel;
  /** The platform team's settings. @default - no policy file: the policy pack does not run */
  readonly policy?: PolicyFileData;
  /** @default the built-in rules of scope "file" */
  readonly builtIn?: readonly FileRule[];
  /** @default the policy pack of lib/policy/rules/ */
  readonly policyPack?: readonly PolicyRule[];
}

/** A rule's level and suppressibility after policy.json's `rules` settings; a built-in rule has neither setting. */
export function effectiveSettings(rule: RuleInfo, policy: PolicyFileData): { level: RuleLevel; suppressible: boolean } {
  if (rule.configurable === false) return { level: rule.level, suppressible: false };
  const settings = own(policy.rules, rule.id);
  return { level: settings?.level ?? rule.level, suppressible: settings?.suppressible ?? true };
}

function located(document: JsonDocument, findings: readonly Finding[], rule: RuleInfo): Problem[] {
  return findings.map((f) => ({ ...document.problem(f.path, f.message), rule: rule.id }));
}

/** Problems the environments-scope rules find in the (schema-valid) environments file. */
export function checkEnvironmentsFile(document: JsonDocument, environments: EnvironmentsFileData, model: EnvironmentsModel): Problem[] {
  return builtInRules('environments').flatMap((rule) => located(document, rule.check(environments, model), rule));
}

/** Problems the written-file rules find in one schema-valid allow-list file, before its model is built. */
export function checkWrittenFile(document: JsonDocument, data: AllowlistFileData): Problem[] {
  return builtInRules('written-file').flatMap((rule) => located(document, rule.check(data), rule));
}

/**
 * Runs the file rules of both packs on every app: the built-in pack, then (with a policy) the
 * policy pack. Levels and suppressions apply to the policy pack only, whose messages start with
 * "[ID level]". A finding in a file that validly suppresses its rule is counted against the
 * suppression instead of reported.
 */
export function checkFiles(apps: readonly AppModel[], options: FileRulesOptions): FileRulesResult {
  const policy = options.policy ?? {};
  const policyPack = options.policy ? (options.policyPack ?? POLICY_RULES) : [];
  const settings = new Map(policyPack.map((rule) => [rule.id, effectiveSettings(rule, policy)]));
  const isSuppressible = (id: string): boolean => settings.get(id)?.suppressible ?? false;
  const silenced = new Map<AppModel, Map<string, number>>(
    apps.map((app) => [app, new Map(app.suppressions.filter((s) => isSuppressible(s.rule)).map((s) => [s.rule, 0]))]),
  );
  const suppresses = (app: AppModel, id: string): boolean => silenced.get(app)?.has(id) ?? false;

  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const ruleIds = policyPack.map((r) => r.id);
  const builtInRuleIds = BUILT_IN_RULES.map((r) => r.id);
  for (const rule of [...(options.builtIn ?? builtInRules('file')), ...policyPack]) {
    const tagged = settings.get(rule.id);
    const level = tagged?.level ?? rule.level;
    // Apps that suppress a rule do not count for others; a suppressing app still sees itself
    // (rules add the checked app when it is missing), so a suppression shows what it silences.
    // One list per rule keeps the whole check linear in the number of apps.
    const context: PolicyContext = {
      environments: options.environments,
      policy,
      apps: apps.filter((other) => !suppresses(other, rule.id)),
      ruleIds,
      builtInRuleIds,
      isSuppressible,
    };
    for (const app of apps) {
      const findings = rule.check(app, context);
      if (suppresses(app, rule.id)) {
        const counts = silenced.get(app)!;
        counts.set(rule.id, counts.get(rule.id)! + findings.length);
        continue;
      }
      const target = level === 'error' ? errors : warnings;
      for (const finding of findings) {
        const message = tagged ? `[${rule.id} ${level}] ${finding.message}` : finding.message;
        target.push({ ...app.document.problem(finding.path, message), level, rule: rule.id });
      }
    }
  }
  return { errors, warnings, suppressions: apps.flatMap((app) => appliedSuppressions(app, silenced.get(app)!)) };
}

/** Problems the project rules find between files; each is placed in the file it names. */
export function checkProject(apps: readonly AppModel[], context: RuleContext): Problem[] {
  return builtInRules('project').flatMap((rule) =>
    rule.check(apps, context).map((f) => ({ ...f.app.document.problem(f.path, f.message), rule: rule.id })),
  );
}

function appliedSuppressions(app: AppModel, counts: ReadonlyMap<string, number>): AppliedSuppression[] {
  return app.suppressions.flatMap((suppression, index) => {
    const count = counts.get(suppression.rule);
    // The first entry for a rule is the one that counts; OKTA-S1 reports any repeat.
    const first = app.suppressions.findIndex((s) => s.rule === suppression.rule) === index;
    if (count === undefined || !first) return [];
    const { line } = app.document.locate(['suppressions', index]);
    return [{ app: app.key, file: app.file, line, rule: suppression.rule, reason: suppression.reason, silenced: count }];
  });
}
