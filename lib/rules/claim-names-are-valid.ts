import { CLAIM_NAME_PATTERN, RESERVED_CLAIM_NAMES } from '../okta/claim-names';
import { FileCheck, FileRule, Finding } from './rule';

/** Claim names are well formed and not reserved by Okta for the token they go into. */
const check: FileCheck = (app) => {
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

export const claimNamesAreValid: FileRule = {
  id: 'claim-names-are-valid',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Claim names are valid',
  explanation:
    'Claim names are letters, digits, `_`, `-`, `.` or `:`, starting with a letter or `_` (at most 100), and not a name Okta reserves for the token they go into (such as `sub` or `scp`).',
  check,
};
