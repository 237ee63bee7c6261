import { FileCheck, FileRule, Finding } from './rule';

/**
 * Provider 4.20.0 writes the org-server Groups claim through an internal Okta endpoint and
 * silently skips it under OAuth 2.0 authentication (okta/terraform-provider-okta#1906): the plan
 * would look fine and the claim would never appear. Refuse the combination.
 */
const check: FileCheck = (app, { environments }) => {
  const findings: Finding[] = [];
  for (const claim of app.claims.filter((c) => c.server === 'org')) {
    for (const env of app.environments) {
      if (environments.environments.get(env)?.auth.method === 'oauth') {
        findings.push({
          path: [...claim.path, 'server'],
          message: `an org-server claim needs API-token authentication, but environment "${env}" uses "oauth": the Okta provider silently skips the org-server Groups claim under OAuth 2.0 (provider issue #1906). Use a custom server such as "default", or switch "${env}" to "api_token"`,
        });
      }
    }
  }
  return findings;
};

export const orgClaimsNeedApiToken: FileRule = {
  id: 'org-claims-need-api-token',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Org-server claims need API-token authentication',
  explanation:
    'The okta provider writes the org-server Groups claim through an internal Okta endpoint and silently skips it under OAuth 2.0 authentication (okta/terraform-provider-okta#1906): the plan would look fine and the claim would never appear.',
  check,
};
