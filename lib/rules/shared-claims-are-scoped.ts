import { GROUPS_SCOPE, scopeSource } from '../okta/server-scopes';
import { claimScopes } from '../plan/claim-scopes';
import { FileCheck, FileRule, Finding } from './rule';

/**
 * A custom-server claim without "scopes" is restricted to the `groups` scope on a server that is
 * not `dedicatedToManagedApps` (lib/plan/claim-scopes.ts), so that scope must exist there in every
 * environment of the app: otherwise Okta refuses the claim, or no client can ever ask for it.
 */
const check: FileCheck = (app, { environments }) => {
  const findings: Finding[] = [];
  for (const claim of app.claims) {
    if (claim.server === 'org' || claim.scopes) continue;
    for (const env of app.environments) {
      const server = environments.environments.get(env)?.servers.get(claim.server);
      // An undeclared server is reported by claim-servers-exist.
      if (!server || !claimScopes(claim, server) || scopeSource(GROUPS_SCOPE, server)) continue;
      findings.push({
        path: claim.path,
        message:
          `a claim without "scopes" on server "${claim.server}" must find a "${GROUPS_SCOPE}" scope there in environment "${env}", but got a server that neither manages nor declares it: ` +
          `Okta evaluates a shared claim for every app that asks the server for a token, including apps this repository does not manage, so it is evaluated only when a client asks for "${GROUPS_SCOPE}" ` +
          `unless the server is dedicated to managed apps. Set "manageGroupsScope": true on the server (or list "${GROUPS_SCOPE}" in its "existingScopes"), give the claim "scopes" the server has, ` +
          `or, only if no app outside this repository uses the server, set "dedicatedToManagedApps": true (environments.${env}.authorizationServers.${claim.server})`,
      });
    }
  }
  return findings;
};

export const sharedClaimsAreScoped: FileRule = {
  id: 'shared-claims-are-scoped',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Unscoped claims have their groups scope',
  explanation:
    'A custom-server claim without `scopes` is restricted to the `groups` scope on a server that is not `dedicatedToManagedApps`, so that scope must exist there in every environment of the app.',
  check,
};
