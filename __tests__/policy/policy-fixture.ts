import { JsonDocument } from '../../lib/load/json-document';
import { formatProblem } from '../../lib/load/problem';
import { AllowlistFileData } from '../../lib/model/allowlist-file';
import { AppModel, appModelOf } from '../../lib/model/app';
import { environmentsModelOf } from '../../lib/model/environment';
import { EnvironmentsFileData } from '../../lib/model/environments-file';
import { PolicyFileData } from '../../lib/policy/policy-file';
import { PolicyRule } from '../../lib/policy/rule';
import { checkFiles, FileRulesResult } from '../../lib/rules/run-rules';
import { allowlist, environments } from '../helpers/fixture';

export const ENVIRONMENTS = environmentsModelOf(environments() as unknown as EnvironmentsFileData);

/** The pretty-printed text of an allow-list file, as a person would write it. */
export const textOf = (content: unknown): string => `${JSON.stringify(content, null, 2)}\n`;

/** An app model parsed from the shared minimal allow list with `changes` merged over it. */
export function appOf(changes: Record<string, unknown> = {}, key = 'a'): AppModel {
  const { document } = JsonDocument.parse(`${key}.json`, textOf(allowlist(changes)));
  if (!document) throw new Error('fixture is not valid JSON');
  return appModelOf({ key, document, data: document.value as AllowlistFileData }, ENVIRONMENTS);
}

/** Runs only the policy rules of `pack` (no built-in rule) on `apps`. */
export const checkPolicyPack = (apps: readonly AppModel[], policy: PolicyFileData, pack: readonly PolicyRule[]): FileRulesResult =>
  checkFiles(apps, { environments: ENVIRONMENTS, policy, builtIn: [], policyPack: pack });

/** Runs only `rule` on `apps`: what the rule reports, as `file:line:column: message`, and which suppressions it met. */
export function run(rule: PolicyRule, policy: PolicyFileData, ...apps: AppModel[]): FileRulesResult & { lines: string[] } {
  const result = checkPolicyPack(apps, policy, [rule]);
  return { ...result, lines: [...result.errors, ...result.warnings].map(formatProblem) };
}

/** `file:line:column` of the first `needle` in an app's file, found in the text independently of the loader. */
export function at(app: AppModel, needle: string): string {
  const text = textOf(app.document.value);
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} is not in ${app.file}`);
  const before = text.slice(0, index).split('\n');
  return `${app.file}:${before.length}:${before[before.length - 1].length + 1}`;
}

/** A suppression of `rule` with a proper reason. */
export const suppressing = (rule: string) => ({ suppressions: [{ rule, reason: 'Agreed with the platform team in SEC-1234' }] });
