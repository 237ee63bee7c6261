import { PolicyRule } from '../policy/rule';
import { POLICY_RULES } from '../policy/rules';
import { accessClaimsAreAlwaysIncluded } from './access-claims-are-always-included';
import { apiBudgetLeavesRoomForParallelJobs } from './api-budget-leaves-room-for-parallel-jobs';
import { allowlistHasOneKind } from './allowlist-has-one-kind';
import { appTypeFitsGrants } from './app-type-fits-grants';
import { assignmentsAreValid } from './assignments-are-valid';
import { backendSettingsAreKnown } from './backend-settings-are-known';
import { backendSettingsAreLiteral } from './backend-settings-are-literal';
import { backendsAreComplete } from './backends-are-complete';
import { backendsSeparateStacks } from './backends-separate-stacks';
import { claimLimitsFit } from './claim-limits-fit';
import { claimNamesAreValid } from './claim-names-are-valid';
import { claimScopesExist } from './claim-scopes-exist';
import { claimServersExist } from './claim-servers-exist';
import { claimsAreUnique } from './claims-are-unique';
import { customClaimsShareOneLimit } from './custom-claims-share-one-limit';
import { dynamicPatternsAreSafe } from './dynamic-patterns-are-safe';
import { environmentNamesFit } from './environment-names-fit';
import { environmentsAreDeclared } from './environments-are-declared';
import { groupReferencesAreValid } from './group-references-are-valid';
import { importedAppsHaveOneFile } from './imported-apps-have-one-file';
import { keysAreValid } from './keys-are-valid';
import { oauthScopesNeedOauth } from './oauth-scopes-need-oauth';
import { orgClaimsAreIdTokenOnly } from './org-claims-are-id-token-only';
import { orgClaimsNeedApiToken } from './org-claims-need-api-token';
import { pkceFitsClient } from './pkce-fits-client';
import { previousKeysAreUnique } from './previous-keys-are-unique';
import { redirectUrisAreUrls } from './redirect-uris-are-urls';
import { refreshTokenNeedsGrant } from './refresh-token-needs-grant';
import { BuiltInRule, RuleScope } from './rule';
import { serverAccessFitsMode } from './server-access-fits-mode';
import { serverNamesAreFree } from './server-names-are-free';
import { serversHaveOneReference } from './servers-have-one-reference';
import { shardsAreValid } from './shards-are-valid';
import { sharedClaimsAgree } from './shared-claims-agree';
import { sharedClaimsAreScoped } from './shared-claims-are-scoped';
import { tokenEndpointAuthFitsType } from './token-endpoint-auth-fits-type';
import { waitSecondsAreOrdered } from './wait-seconds-are-ordered';

/**
 * The built-in pack: always errors, never suppressible. Each scope runs in its phase
 * (lib/load/load-project.ts), in this order; every finding of a phase is reported together.
 */
export const BUILT_IN_RULES: readonly BuiltInRule[] = [
  environmentNamesFit,
  serverNamesAreFree,
  serversHaveOneReference,
  serverAccessFitsMode,
  backendsAreComplete,
  backendSettingsAreKnown,
  backendSettingsAreLiteral,
  backendsSeparateStacks,
  oauthScopesNeedOauth,
  apiBudgetLeavesRoomForParallelJobs,
  waitSecondsAreOrdered,
  allowlistHasOneKind,
  keysAreValid,
  shardsAreValid,
  environmentsAreDeclared,
  groupReferencesAreValid,
  assignmentsAreValid,
  dynamicPatternsAreSafe,
  appTypeFitsGrants,
  tokenEndpointAuthFitsType,
  pkceFitsClient,
  refreshTokenNeedsGrant,
  redirectUrisAreUrls,
  claimServersExist,
  claimScopesExist,
  sharedClaimsAreScoped,
  claimNamesAreValid,
  claimsAreUnique,
  claimLimitsFit,
  customClaimsShareOneLimit,
  orgClaimsAreIdTokenOnly,
  orgClaimsNeedApiToken,
  accessClaimsAreAlwaysIncluded,
  sharedClaimsAgree,
  previousKeysAreUnique,
  importedAppsHaveOneFile,
];

/** Any rule of either pack. */
export type Rule = BuiltInRule | PolicyRule;

/** The one registry: the built-in pack, then the policy pack (lib/policy/rules/). */
export const RULES: readonly Rule[] = [...BUILT_IN_RULES, ...POLICY_RULES];

/** The rule with `id` in either pack, for showing its title beside a finding. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

/** The built-in rules of one scope, in registry order. */
export function builtInRules<Scope extends RuleScope>(scope: Scope): Extract<BuiltInRule, { scope: Scope }>[] {
  return BUILT_IN_RULES.filter((rule): rule is Extract<BuiltInRule, { scope: Scope }> => rule.scope === scope);
}
