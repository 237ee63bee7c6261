import { AppModel } from '../model/app';
import { Finding } from '../rules/rule';
import { PolicyFileData } from './policy-file';

export type PolicyLevel = 'error' | 'warning';

/** What a policy rule may read besides the app it checks. */
export interface PolicyContext {
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
  /** Whether a rule may be suppressed, after policy.json's settings. */
  readonly isSuppressible: (ruleId: string) => boolean;
}

/**
 * One guardrail, modelled on cdk-nag: a stable ID that suppressions and policy.json refer to,
 * a default level, the texts docs/policy.md's rules table is generated from (`npm run generate`),
 * and a pure check.
 */
export interface PolicyRule {
  /** Stable ID, e.g. "OKTA-G1"; never reuse one for a different check. */
  readonly id: string;
  /** What the rule checks, in a few words. */
  readonly title: string;
  /** Why the rule exists, for people who meet it for the first time (Markdown: the "Why" column of docs/policy.md). */
  readonly explanation: string;
  /** Exactly what passes and what does not, with examples (Markdown: the "What it checks" column of docs/policy.md). */
  readonly checks: string;
  /** The policy.json keys that configure the rule, or why none does (Markdown: the "Setting" column of docs/policy.md). */
  readonly setting: string;
  /** The level unless policy.json sets another. */
  readonly level: PolicyLevel;
  /** false: policy.json can neither change the level nor allow suppressing it. @default true */
  readonly configurable?: boolean;
  /** Findings in one app's file; each message says what is wrong and what to do. */
  readonly check: (app: AppModel, context: PolicyContext) => Finding[];
}
