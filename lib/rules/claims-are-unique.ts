import { displayPath } from '../load/json-document';
import { ClaimSpec } from '../model/app';
import { claimIdKey } from '../model/claim-id';
import { FileCheck, FileRule, Finding } from './rule';

/** One file asks for a given claim (server, name, token) once. */
const check: FileCheck = (app) => {
  const findings: Finding[] = [];
  const first = new Map<string, ClaimSpec>();
  for (const claim of app.claims) {
    const id = claimIdKey(claim);
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, claim);
    else
      findings.push({
        path: claim.path,
        message: `${displayPath(claim.path)} repeats ${displayPath(earlier.path)} (server "${claim.server}", name "${claim.name}", ${claim.token} token): remove one`,
      });
  }
  return findings;
};

export const claimsAreUnique: FileRule = {
  id: 'claims-are-unique',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Each claim once per file',
  explanation: 'A file asks for a given claim (server, name, token) once; a repeat would define the same claim twice.',
  check,
};
