import { isGroupId } from '../okta/group-ids';
import { CONTROL_CHARACTERS } from '../okta/unsafe-text';
import { FileRule, Finding } from './rule';

/**
 * Static entries are exact group names or IDs. Catch the mistakes that would otherwise surface
 * only at plan time, in another team's review: a mistyped ID, a stray space, a control character.
 */
export const groupReferencesAreValid: FileRule = (app) => {
  const findings: Finding[] = [];
  if (app.allowlist.kind !== 'static') return findings;
  app.allowlist.groups.forEach((group, index) => {
    const path = ['allowlist', 'groups', index];
    if (/^00g/.test(group) && !/\s/.test(group) && !isGroupId(group)) {
      findings.push({ path, message: `"${group}" looks like a group ID but is not one: an Okta group ID is "00g" followed by 17 letters or digits (20 characters)` });
    } else if (CONTROL_CHARACTERS.test(group)) {
      findings.push({ path, message: `group name ${JSON.stringify(group)} contains a control character (tab, newline, …): copy the name again from Okta` });
    } else if (group.trim() !== group) {
      findings.push({ path, message: `group name ${JSON.stringify(group)} starts or ends with a space: names are matched exactly, remove the space` });
    }
  });
  return findings;
};
