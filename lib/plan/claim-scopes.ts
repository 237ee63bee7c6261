import { ClaimSpec } from '../model/app';
import { AuthorizationServerModel } from '../model/environment';
import { GROUPS_SCOPE } from '../okta/server-scopes';

/**
 * The scopes a shared custom-server claim is restricted to in one environment. A claim on a
 * server is evaluated for every app that asks the server for a token, including apps this
 * repository does not manage; whether its `app.profile.… == null` guard is safe for an app
 * without that key or without a profile is not documented by Okta, and an expression that
 * fails stops the token. So a claim whose file names no scopes is restricted to `groups` (only
 * clients that ask for it evaluate the claim), unless the environments file says the server is
 * `dedicatedToManagedApps`. The rule `shared-claims-are-scoped` checks the scope exists.
 */
export function claimScopes(
  claim: Pick<ClaimSpec, 'scopes'>,
  server: Pick<AuthorizationServerModel, 'dedicatedToManagedApps'> | undefined,
): readonly string[] | undefined {
  if (claim.scopes) return claim.scopes;
  return server?.dedicatedToManagedApps ? undefined : [GROUPS_SCOPE];
}
