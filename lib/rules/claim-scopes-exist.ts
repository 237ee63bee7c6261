import { scopeSource } from '../okta/server-scopes';
import { FileCheck, FileRule, Finding } from './rule';

/**
 * Every scope a custom-server claim is restricted to must exist on its server in every
 * environment of the app: an Okta system scope, the `groups` scope this repository manages, or a
 * scope the environments file declares as existing (checked against the server at plan time).
 * Otherwise Okta refuses the claim part-way through an apply, or no client can ever request the
 * scope and receive the claim.
 */
const check: FileCheck = (app, { environments }) => {
  const findings: Finding[] = [];
  for (const claim of app.claims) {
    if (claim.server === 'org') continue;
    (claim.scopes ?? []).forEach((scope, index) => {
      for (const env of app.environments) {
        const server = environments.environments.get(env)?.servers.get(claim.server);
        if (!server || scopeSource(scope, server)) continue;
        const fix =
          scope === 'groups'
            ? `set "manageGroupsScope": true on it (this repository then creates the scope) or, if the server already has it, list it in its "existingScopes"`
            : `list it in the server's "existingScopes" if the server has it, or remove it from "scopes"`;
        findings.push({
          path: [...claim.path, 'scopes', index],
          message: `each scope of a claim must exist on server "${claim.server}" in environment "${env}", but got "${scope}", which the environments file neither manages nor declares there: ${fix} (environments.${env}.authorizationServers.${claim.server})`,
        });
      }
    });
  }
  return findings;
};

export const claimScopesExist: FileRule = {
  id: 'claim-scopes-exist',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Claim scopes exist',
  explanation:
    'Every scope a custom-server claim is restricted to must exist on its server in every environment of the app: an Okta system scope, the `groups` scope this repository manages, or a scope the environments file lists as existing. Otherwise Okta refuses the claim part-way through an apply, or no client can ever receive it.',
  check,
};
