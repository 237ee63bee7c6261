import { PolicyFileData } from './policy-file';
import { own } from '../model/own';

/** How a group came to be allowed for a file's owners. */
export type GroupGrantMatch =
  { readonly owner: string; readonly by: 'name' } | { readonly owner: string; readonly by: 'prefix'; readonly prefix: string };

const startsWith = (text: string, prefix: string): boolean => text.toLowerCase().startsWith(prefix.toLowerCase());

/** Per policy, each owner's exact grants in lower case: looking a group up stays constant-time however many there are. */
const nameGrants = new WeakMap<PolicyFileData, Map<string, Set<string>>>();

function namesGrantedTo(policy: PolicyFileData, owner: string): Set<string> | undefined {
  let index = nameGrants.get(policy);
  if (!index) {
    index = new Map(
      Object.entries(policy.groups?.owners ?? {}).map(([name, grant]) => [name, new Set((grant.groups ?? []).map((g) => g.toLowerCase()))]),
    );
    nameGrants.set(policy, index);
  }
  return index.get(owner);
}

/** The first of `owners` granted `group` by its exact name (or ID) in policy.json, ignoring case. */
export function grantedByName(policy: PolicyFileData, owners: readonly string[], group: string): string | undefined {
  const name = group.toLowerCase();
  return owners.find((owner) => namesGrantedTo(policy, owner)?.has(name));
}

/** Whether one of `owners` may allow-list `group`, by exact name or by one of their name prefixes. */
export function grantOf(policy: PolicyFileData, owners: readonly string[], group: string): GroupGrantMatch | undefined {
  const byName = grantedByName(policy, owners, group);
  if (byName) return { owner: byName, by: 'name' };
  for (const owner of owners) {
    const prefix = own(policy.groups?.owners, owner)?.prefixes?.find((p) => startsWith(group, p));
    if (prefix) return { owner, by: 'prefix', prefix };
  }
  return undefined;
}

/** Owners in policy.json, other than `except`, that may allow-list `group`: who to ask for it. */
export function otherOwnersOf(policy: PolicyFileData, group: string, except: readonly string[]): string[] {
  const all = Object.keys(policy.groups?.owners ?? {}).filter((owner) => !except.includes(owner));
  return all.filter((owner) => grantOf(policy, [owner], group));
}

/** Every prefix granted to one of `owners`. */
export function prefixesOf(policy: PolicyFileData, owners: readonly string[]): string[] {
  return owners.flatMap((owner) => own(policy.groups?.owners, owner)?.prefixes ?? []);
}
