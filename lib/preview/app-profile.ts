import { PROFILE_KEYS } from '../okta/expressions';
import { PlannedApp } from '../plan/environment-plan';

/**
 * The profile synthesis gives the app (see `AllowlistedApp`), except that the allow list holds
 * the group references as written in the file: Okta stores IDs, which only a plan can look up.
 */
export function appProfileOf(planned: PlannedApp): Record<string, unknown> {
  const { allowlist } = planned.app;
  return {
    ...(allowlist.kind === 'static' && { [PROFILE_KEYS.groups]: [...allowlist.groups] }),
    ...(planned.profileLimit !== undefined && { [PROFILE_KEYS.limit]: planned.profileLimit }),
    ...(planned.claimOptIns.length > 0 && { [PROFILE_KEYS.claims]: [...planned.claimOptIns] }),
  };
}
