import { claimIdKey } from '../model/claim-id';
import { FileCheck, FileRule, Finding } from './rule';

/** One file asks for a given claim (server, name, token) once. */
const check: FileCheck = (app) => {
  const findings: Finding[] = [];
  const first = new Map<string, number>();
  for (const claim of app.claims) {
    const id = claimIdKey(claim);
    const index = claim.path[1] as number;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, index);
    else
      findings.push({
        path: claim.path,
        message: `claims[${index}] repeats claims[${earlier}] (server "${claim.server}", name "${claim.name}", ${claim.token} token): remove one`,
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
