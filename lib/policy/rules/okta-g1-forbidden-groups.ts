import { DynamicMatch } from '../../model/app';
import { isGroupId } from '../../okta/group-ids';
import { Finding } from '../../rules/rule';
import { commonMatch, firstMatch, globMatches, globTokens, selectedTokens } from '../glob';
import { grantedByName } from '../group-grants';
import { PolicyRule } from '../rule';

const selects: Record<DynamicMatch, (name: string, pattern: string) => boolean> = {
  startsWith: (name, pattern) => name.startsWith(pattern),
  endsWith: (name, pattern) => name.endsWith(pattern),
  contains: (name, pattern) => name.includes(pattern),
};

/**
 * Groups in policy.json's `groups.forbidden.names` never reach a token. Groups matching
 * `groups.forbidden.patterns` (privileged groups) reach one only when policy.json grants that
 * exact name to one of the file's owners: a prefix grant is not enough, so a team that owns
 * "Payroll " cannot quietly add "Payroll Super Admins".
 */
export const forbiddenGroups: PolicyRule = {
  id: 'OKTA-G1',
  scope: 'file',
  title: 'Forbidden and privileged groups',
  level: 'error',
  explanation:
    'A groups claim tells the app, and anyone who can read its tokens, who belongs to each group. Groups such as "Everyone" say nothing useful, and administrator groups are a map of who to target. Privileged groups are allowed only by exact name, for the team policy.json grants them to.',
  checks:
    'No group listed in `groups.forbidden.names` (e.g. `Everyone`) is allow-listed; no group matching `groups.forbidden.patterns` (e.g. `*Admin*`) is, unless policy.json grants that exact name to one of the file\'s owners. Dynamic lists are refused when the pattern\'s own text reaches into a forbidden name or pattern (`startsWith: "Payroll Ad"` can select "Payroll Admins"), checked by glob intersection. A pattern whose free part could merely be followed by such text (`startsWith: "IT-"` and a group "IT-Admins") is OKTA-G4\'s.',
  setting: '`groups.forbidden`',
  check(app, { policy }) {
    const forbidden = policy.groups?.forbidden;
    if (!forbidden) return [];
    const findings: Finding[] = [];
    if (app.allowlist.kind === 'static') {
      app.allowlist.groups.forEach((group, index) => {
        if (isGroupId(group)) return;
        const path = ['allowlist', 'groups', index];
        const name = firstMatch(forbidden.names, group);
        if (name) {
          findings.push({
            path,
            message: `group "${group}" must not be allow-listed: it is on the platform team's list of groups no app may receive (policy.json, groups.forbidden.names lists "${name}"), because it says nothing about what a user may do or shows who holds special rights. Remove it from allowlist.groups`,
          });
          return;
        }
        const pattern = firstMatch(forbidden.patterns, group);
        if (pattern && !grantedByName(policy, app.owners, group)) {
          findings.push({
            path,
            message: `group "${group}" must not be allow-listed: it looks like a privileged group (it matches "${pattern}" in policy.json, groups.forbidden.patterns), and this app's tokens would show who holds those rights. Remove it from allowlist.groups; if your team owns this group and the app needs it, ask the platform team to grant "${group}" by its exact name to ${app.owners[0]} in policy.json (groups.owners)`,
          });
        }
      });
    } else {
      const { match, pattern } = app.allowlist;
      const name = forbidden.names?.find((n) => selects[match](n.toLowerCase(), pattern.toLowerCase()));
      const tokens = selectedTokens(match, pattern);
      // The pattern's text itself matches the glob, or reaches into the glob's own text ("Payroll Ad"
      // spells the start of "*Admin*"). Names that match a glob only through the part of the name
      // the pattern leaves free ("IT-" + "Admins") are what every dynamic list risks: not flagged.
      const privileged = forbidden.patterns
        ?.map((p) => ({ glob: p, example: globMatches(p, pattern) ? pattern.toLowerCase() : commonMatch(globTokens(p), tokens, true) }))
        .find((found) => found.example !== undefined);
      const example = name
        ? `"${name}", which no app may receive`
        : privileged && `a group named like "${privileged.example}", which matches "${privileged.glob}" and so is privileged`;
      if (example) {
        findings.push({
          path: ['allowlist', match],
          message: `allowlist.${match} "${pattern}" must not select forbidden groups, but it would include ${example} (policy.json, groups.forbidden). Use a pattern that selects only ordinary groups, or a static list of exact group names`,
        });
      }
    }
    return findings;
  },
};
