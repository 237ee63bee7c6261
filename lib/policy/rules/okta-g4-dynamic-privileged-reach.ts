import { Finding } from '../../rules/rule';
import { commonMatch, globTokens, selectedTokens } from '../glob';
import { PolicyRule } from '../rule';

/**
 * A dynamic list selects groups by name, including groups created after the review. Where a name
 * it can select also matches a privileged pattern ("IT-" and "*Admin*" meet in "IT-Admin"), a
 * privileged group created later reaches the app's tokens unseen. OKTA-G1 refuses patterns whose
 * own text reaches a privileged pattern; this rule reports the rest, at warning level by default,
 * because under a pattern such as "*Admin*" every dynamic list has that reach: the platform team
 * decides, in policy.json, whether it blocks.
 */
export const dynamicPrivilegedReach: PolicyRule = {
  id: 'OKTA-G4',
  scope: 'file',
  title: 'Dynamic lists that can reach privileged groups',
  level: 'warning',
  explanation:
    'A dynamic list gives the app every group whose name matches, also groups created after the review. When some name it can match is privileged by policy.json, such a group would reach the tokens without another review. Under a pattern such as `*Admin*` every dynamic list has that reach, so the default is a warning; set it to `error` to allow only static lists there, or suppress it per file with the reason.',
  checks:
    'A dynamic list cannot select a privileged name (`groups.forbidden.patterns`) through the part of the name its pattern leaves free: `startsWith: "IT-"` and `*Admin*` meet in "IT-Admin". Checked by glob intersection; the message gives such a name.',
  setting: '`groups.forbidden.patterns`; `rules.OKTA-G4.level`',
  check(app, { policy }) {
    const patterns = policy.groups?.forbidden?.patterns;
    if (app.allowlist.kind !== 'dynamic' || !patterns) return [];
    const { match, pattern } = app.allowlist;
    const selected = selectedTokens(match, pattern);
    const findings: Finding[] = [];
    for (const glob of patterns) {
      const example = commonMatch(globTokens(glob), selected);
      if (example === undefined) continue;
      findings.push({
        path: ['allowlist', match],
        message: `allowlist.${match} "${pattern}" must not reach privileged groups, but a group named like "${example}" (it matches "${glob}" in policy.json, groups.forbidden.patterns) would be in this app's tokens as soon as someone creates it, without another review. Use a static list of exact group names, or suppress OKTA-G4 with the reason the team accepts that reach`,
      });
      break;
    }
    return findings;
  },
};
