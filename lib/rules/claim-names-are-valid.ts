import { CLAIM_NAME_PATTERN, RESERVED_CLAIM_NAMES } from '../okta/claim-names';
import { FileRule, Finding } from './rule';

/** Claim names are well formed and not reserved by Okta for the token they go into. */
export const claimNamesAreValid: FileRule = (app) => {
  const findings: Finding[] = [];
  for (const claim of app.claims) {
    const path = [...claim.path, 'name'];
    if (!CLAIM_NAME_PATTERN.test(claim.name)) {
      findings.push({
        path,
        message: `name must be letters, digits, "_", "-", "." or ":", starting with a letter or "_" (at most 100), but got "${claim.name}"`,
      });
    } else if (RESERVED_CLAIM_NAMES[claim.token].has(claim.name)) {
      findings.push({
        path,
        message: `name "${claim.name}" is reserved by Okta in ${claim.token} tokens: choose another name, such as "groups"`,
      });
    }
  }
  return findings;
};
