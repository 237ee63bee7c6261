import { AppModel } from '../model/app';
import { FileCheck, RuleContext, RuleInfo } from '../rules/rule';
import { PolicyFileData } from './policy-file';

/** What a policy rule may read besides the app it checks. */
export interface PolicyContext extends RuleContext {
  /** The platform team's settings. */
  readonly policy: PolicyFileData;
  /**
   * Every app, except apps that suppress this rule: an agreed exception does not count against
   * the rest. The same list for every app checked (so rules can index it once); a rule that
   * counts apps adds the checked app itself when it is not in the list.
   */
  readonly apps: readonly AppModel[];
  /** IDs of every rule in the pack, for rules that check rule references. */
  readonly ruleIds: readonly string[];
  /** IDs of the built-in rules, which no file can suppress. */
  readonly builtInRuleIds: readonly string[];
  /** Whether a rule may be suppressed, after policy.json's settings. */
  readonly isSuppressible: (ruleId: string) => boolean;
}

/**
 * One guardrail of the policy pack: a rule (lib/rules/rule.ts) over one file whose ID suppressions
 * and policy.json refer to, with the columns of docs/policy.md's generated rules table.
 */
export interface PolicyRule extends RuleInfo {
  readonly scope: 'file';
  /** Why the rule exists, for people who meet it for the first time (Markdown: the "Why" column of docs/policy.md). */
  readonly explanation: string;
  /** Exactly what passes and what does not, with examples (Markdown: the "What it checks" column of docs/policy.md). */
  readonly checks: string;
  /** The policy.json keys that configure the rule, or why none does (Markdown: the "Setting" column of docs/policy.md). */
  readonly setting: string;
  /** Findings in one app's file; each message says what is wrong and what to do. */
  readonly check: FileCheck<PolicyContext>;
}
