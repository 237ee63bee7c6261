import { EnvironmentsRule, Finding } from './rule';

/** Scopes configure the OAuth 2.0 service app; with an API token they would be silently unused. */
export const oauthScopesNeedOauth: EnvironmentsRule = ({ environments }) => {
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
