import { displayPath } from '../load/json-document';
import { FileCheck, FileRule, Finding } from './rule';

/**
 * A custom-server claim is shared by every app on the server, so an app's own limit for it is
 * read from the app's profile (groupallowlistlimit), which holds one number per app.
 */
const check: FileCheck = (app) => {
  if (app.allowlist.kind !== 'static') return [];
  const custom = app.claims.filter((c) => c.server !== 'org');
  const first = custom[0];
  const findings: Finding[] = [];
  for (const claim of custom.slice(1)) {
    if (claim.limit !== first.limit) {
      findings.push({
        path: claim.sources.limit.path,
        message: `custom-server claims of one app must share one limit, but ${displayPath(first.path)} has ${first.limit} and ${displayPath(claim.path)} has ${claim.limit}: the limit is stored once in the app's profile. Use the same limit (or none)`,
      });
    }
  }
  return findings;
};

export const customClaimsShareOneLimit: FileRule = {
  id: 'custom-claims-share-one-limit',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Custom-server claims share one limit',
  explanation:
    "A custom-server claim is shared by every app on the server, so an app's own limit is read from its profile, which holds one number per app: all of the app's custom-server claims have the same limit.",
  check,
};
