import { EnvironmentsCheck, EnvironmentsRule, Finding } from './rule';

/** Scopes configure the OAuth 2.0 service app; with an API token they would be silently unused. */
const check: EnvironmentsCheck = ({ environments }) => {
  const findings: Finding[] = [];
  for (const [env, { auth }] of Object.entries(environments)) {
    if (auth.method === 'api_token' && auth.scopes) {
      findings.push({
        path: ['environments', env, 'auth', 'scopes'],
        message: `auth.scopes applies to method "oauth" only, but environment "${env}" uses "api_token": remove it`,
      });
    }
  }
  return findings;
};

export const oauthScopesNeedOauth: EnvironmentsRule = {
  id: 'oauth-scopes-need-oauth',
  scope: 'environments',
  level: 'error',
  configurable: false,
  title: 'OAuth scopes need OAuth authentication',
  explanation:
    'Scopes configure the OAuth 2.0 service app that Terraform authenticates as; with an API token they would be silently unused.',
  check,
};
