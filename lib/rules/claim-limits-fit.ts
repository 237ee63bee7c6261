import { MAX_CLAIM_LIMIT } from '../model/app';
import { FileCheck, FileRule, Finding } from './rule';

/**
 * Okta refuses a token when a user is in more matching groups than the claim's limit, and
 * accepts limits of 1 to 100. For a static list we can rule that failure out entirely by making
 * the limit at least the list's size.
 */
const check: FileCheck = (app) => {
  const findings: Finding[] = [];
  for (const claim of app.claims) {
    const { given: written, path } = claim.sources.limit;
    if (!written) continue;
    const given = claim.limit;
    if (given < 1 || given > MAX_CLAIM_LIMIT) {
      findings.push({ path, message: `limit must be between 1 and ${MAX_CLAIM_LIMIT}, but got ${given}` });
    } else if (app.allowlist.kind === 'static' && given < app.allowlist.groups.length) {
      findings.push({
        path,
        message: `limit must be at least the number of allow-listed groups (${app.allowlist.groups.length}), but got ${given}: Okta would refuse the token of a user in more than ${given} of them. Remove "limit" to use the list size`,
      });
    }
  }
  return findings;
};

export const claimLimitsFit: FileRule = {
  id: 'claim-limits-fit',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Claim limits fit',
  explanation:
    "Okta accepts limits of 1 to 100 and refuses a token when the user is in more matching groups than the limit. For a static list that failure is ruled out by a limit of at least the list's size.",
  check,
};
