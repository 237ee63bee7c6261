import { FileRule, Finding } from './rule';

/** Okta always includes access-token claims: "alwaysIncludeInToken": false there would be silently ignored. */
export const accessClaimsAreAlwaysIncluded: FileRule = (app) => {
  const findings: Finding[] = [];
  for (const claim of app.claims) {
    const given = app.data.claims[claim.path[1] as number];
    if (claim.token === 'access' && given.alwaysIncludeInToken === false) {
      findings.push({
        path: [...claim.path, 'alwaysIncludeInToken'],
        message:
          'alwaysIncludeInToken must not be false on an access-token claim, but got false: Okta always puts access-token claims into the token. Remove it, or use "token": "id" to serve the claim from /userinfo only',
      });
    }
  }
  return findings;
};
