import { Finding, quoted } from '../../rules/rule';
import { grantOf, otherOwnersOf, prefixesOf } from '../group-grants';
import { PolicyContext, PolicyRule } from '../rule';
import { AppModel } from '../../model/app';
import { own } from '../../model/own';

/**
 * Each owner (team) may allow-list only the groups policy.json grants it: names starting with
 * its prefixes, or exact names and IDs. A file may use what any of its owners is granted.
 */
export const groupOwners: PolicyRule = {
  id: 'OKTA-G2',
  scope: 'file',
  title: 'Teams allow-list only their own groups',
  level: 'error',
  explanation:
    "A team must not put another team's groups into its app's tokens: the other team decides who sees its membership. policy.json lists, per owner, the group-name prefixes and exact groups it may use. Assigning a group hands its owner the decision of who may sign in to the app (they manage its members), so that needs the same agreement.",
  checks:
    "Every group is one the file's owners may use: its name starts with one of their `prefixes`, or it is listed (by name or ID) in their `groups`. A dynamic list must be `startsWith` one of their prefixes. Groups in `assignments.groups` are checked the same way (`fromAllowlist` assigns allow-list entries, checked once).",
  setting: '`groups.owners`',
  check(app, context) {
    const { policy } = context;
    if (!policy.groups?.owners) return [];
    const findings: Finding[] = [];
    const checkGroups = (groups: readonly string[], field: string) =>
      groups.forEach((group, index) => {
        if (grantOf(policy, app.owners, group)) return;
        const others = otherOwnersOf(policy, group, app.owners);
        const belongs = others.length > 0 ? ` It belongs to ${others.join(', ')}: ask them to agree, then` : ' To use it,';
        findings.push({
          path: [...field.split('.'), index],
          message: `group "${group}" must be one that ${ownersText(app)} may ${field === 'allowlist.groups' ? 'allow-list' : 'assign'}, but ${grantsText(app, context)}.${belongs} ask the platform team to grant it to your team in policy.json (groups.owners), or remove it from ${field}`,
        });
      });
    if (app.allowlist.kind === 'static') {
      checkGroups(app.allowlist.groups, 'allowlist.groups');
    } else {
      const { match, pattern } = app.allowlist;
      const covered = match === 'startsWith' && grantOf(policy, app.owners, pattern)?.by === 'prefix';
      if (!covered) {
        findings.push({
          path: ['allowlist', match],
          message: `allowlist.${match} "${pattern}" must select only groups that ${ownersText(app)} owns, but ${grantsText(app, context)}. Use "startsWith" with one of your team's prefixes, or a static list of your groups`,
        });
      }
    }
    // Assigned groups too: whoever owns a group decides its members, so assigning it lets that team
    // decide who may sign in to this app (docs/policy.md). "fromAllowlist" assigns allow-list entries, checked once.
    if (app.assignments?.groups) checkGroups(app.assignments.groups, 'assignments.groups');
    return findings;
  },
};

function ownersText(app: AppModel): string {
  return app.owners.length === 1 ? app.owners[0] : `any of ${app.owners.join(', ')}`;
}

function grantsText(app: AppModel, { policy }: PolicyContext): string {
  const prefixes = prefixesOf(policy, app.owners);
  const names = app.owners.flatMap((owner) => own(policy.groups?.owners, owner)?.groups ?? []);
  if (prefixes.length === 0 && names.length === 0) return "policy.json grants this file's owners no groups yet";
  const parts = [
    prefixes.length > 0 ? `groups starting with ${quoted(prefixes)}` : '',
    names.length > 0 ? `the groups ${quoted(names)}` : '',
  ];
  return `policy.json allows only ${parts.filter(Boolean).join(' and ')}`;
}
