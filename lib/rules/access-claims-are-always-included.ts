import { FileCheck, FileRule, Finding } from './rule';

/** Okta always includes access-token claims: "alwaysIncludeInToken": false there would be silently ignored. */
const check: FileCheck = (app) => {
  const findings: Finding[] = [];
  for (const claim of app.claims) {
    if (claim.token === 'access' && !claim.alwaysIncludeInToken) {
      findings.push({
        path: claim.sources.alwaysIncludeInToken.path,
        message:
          'alwaysIncludeInToken must not be false on an access-token claim, but got false: Okta always puts access-token claims into the token. Remove it, or use "token": "id" to serve the claim from /userinfo only',
      });
    }
  }
  return findings;
};

export const accessClaimsAreAlwaysIncluded: FileRule = {
  id: 'access-claims-are-always-included',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Access-token claims are always included',
  explanation: 'Okta always includes access-token claims, so `"alwaysIncludeInToken": false` on one would be silently ignored.',
  check,
};
