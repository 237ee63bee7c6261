import { FileCheck, FileRule, Finding } from './rule';

/**
 * The Org authorization server puts the app's Groups claim into the ID token only, and an app
 * holds one such claim; scope conditions and "alwaysIncludeInToken" exist on custom servers only.
 */
const check: FileCheck = (app) => {
  const findings: Finding[] = [];
  const orgClaims = app.claims.filter((c) => c.server === 'org');
  for (const claim of orgClaims) {
    if (claim.token !== 'id') {
      findings.push({
        path: claim.sources.token.path,
        message:
          'token must be "id" on the org server, but got "access": the org server only adds Groups claims to ID tokens; use a custom server (e.g. "default") for access tokens',
      });
    }
    if (claim.sources.scopes.given) {
      findings.push({
        path: claim.sources.scopes.path,
        message: 'scopes apply to custom-server claims only: remove it (org-server clients request "openid groups")',
      });
    }
    if (claim.sources.alwaysIncludeInToken.given) {
      findings.push({
        path: claim.sources.alwaysIncludeInToken.path,
        message: 'alwaysIncludeInToken applies to custom-server claims only: remove it',
      });
    }
  }
  for (const extra of orgClaims.slice(1)) {
    findings.push({
      path: extra.path,
      message: `an app has one org-server Groups claim, but this file declares ${orgClaims.length}: keep one`,
    });
  }
  return findings;
};

export const orgClaimsAreIdTokenOnly: FileRule = {
  id: 'org-claims-are-id-token-only',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Org-server claims are ID-token claims',
  explanation:
    "The Org authorization server adds an app's Groups claim to ID tokens only, and an app has one such claim; `scopes` and `alwaysIncludeInToken` exist on custom servers only.",
  check,
};
