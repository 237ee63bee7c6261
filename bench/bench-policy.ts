import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PolicyFileData } from '../lib/policy/policy-file';
import { SyntheticProject } from './synthetic-project';

/**
 * The repository's sample policy.json, applied to a synthetic project: every rule and setting of
 * the sample, plus grants for the synthetic teams (each team's static groups by exact name, its
 * "startsWith" patterns as prefixes). The rules the synthetic mix breaks by design (dynamic
 * "endsWith"/"contains" lists, " Admins" patterns, limits above 50) run at level "warning", so
 * every rule is checked on every app and synthesis still runs.
 */
export function benchPolicy(project: SyntheticProject, root: string): PolicyFileData {
  const sample = JSON.parse(readFileSync(join(root, 'policy.json'), 'utf8')) as PolicyFileData;
  const owners: Record<string, { groups?: string[]; prefixes?: string[] }> = { ...sample.groups?.owners };
  const grants = new Map<string, { groups: Set<string>; prefixes: Set<string> }>();
  for (const file of Object.values(project.allowlists)) {
    const owner = file.owners[0];
    const grant = grants.get(owner) ?? grants.set(owner, { groups: new Set(), prefixes: new Set() }).get(owner)!;
    for (const group of file.allowlist.groups ?? []) grant.groups.add(group);
    if (file.allowlist.startsWith) grant.prefixes.add(file.allowlist.startsWith);
  }
  for (const [owner, grant] of grants) {
    owners[owner] = {
      ...(grant.groups.size > 0 ? { groups: [...grant.groups].sort() } : {}),
      ...(grant.prefixes.size > 0 ? { prefixes: [...grant.prefixes].sort() } : {}),
    };
  }
  const warning = { level: 'warning' as const };
  return {
    ...sample,
    rules: { ...sample.rules, 'OKTA-G1': { ...sample.rules?.['OKTA-G1'], ...warning }, 'OKTA-G2': warning, 'OKTA-C2': warning },
    groups: { ...sample.groups, owners },
  };
}
