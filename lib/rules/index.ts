import { accessClaimsAreAlwaysIncluded } from './access-claims-are-always-included';
import { apiBudgetLeavesRoomForParallelJobs } from './api-budget-leaves-room-for-parallel-jobs';
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
import { keysAreValid } from './keys-are-valid';
import { oauthScopesNeedOauth } from './oauth-scopes-need-oauth';
import { orgClaimsAreIdTokenOnly } from './org-claims-are-id-token-only';
import { orgClaimsNeedApiToken } from './org-claims-need-api-token';
import { pkceFitsClient } from './pkce-fits-client';
import { redirectUrisAreUrls } from './redirect-uris-are-urls';
import { refreshTokenNeedsGrant } from './refresh-token-needs-grant';
import { EnvironmentsRule, FileRule } from './rule';
import { serverAccessFitsMode } from './server-access-fits-mode';
import { serverNamesAreFree } from './server-names-are-free';
import { serversHaveOneReference } from './servers-have-one-reference';
import { shardsAreValid } from './shards-are-valid';
import { sharedClaimsAreScoped } from './shared-claims-are-scoped';
import { tokenEndpointAuthFitsType } from './token-endpoint-auth-fits-type';
import { waitSecondsAreOrdered } from './wait-seconds-are-ordered';

export { allowlistHasOneKind } from './allowlist-has-one-kind';

/** Every per-file rule, run on every file; all findings are reported together. */
export const FILE_RULES: readonly FileRule[] = [
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
];

/** Every rule over the environments file. */
export const ENVIRONMENTS_RULES: readonly EnvironmentsRule[] = [
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
];
