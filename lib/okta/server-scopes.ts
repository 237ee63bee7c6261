import { AuthorizationServerModel } from '../model/environment';

/**
 * Scopes Okta creates on every custom authorization server (system scopes). A real `default`
 * server lists exactly these besides Okta's own `okta.*` scopes (Okta's "Create an authorization
 * server" guide; the provider's acceptance recording of data `okta_auth_server_scopes`).
 */
export const SYSTEM_SCOPES: readonly string[] = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'device_sso'];

/** The scope this repository creates on a server with `manageGroupsScope`. */
export const GROUPS_SCOPE = 'groups';

/** Where a scope on a server comes from, or undefined when nothing says the server has it. */
export function scopeSource(
  scope: string,
  server: Pick<AuthorizationServerModel, 'manageGroupsScope' | 'existingScopes'>,
): 'system' | 'managed' | 'existing' | undefined {
  if (SYSTEM_SCOPES.includes(scope)) return 'system';
  if (scope === GROUPS_SCOPE && server.manageGroupsScope) return 'managed';
  if (server.existingScopes.includes(scope)) return 'existing';
  return undefined;
}
