import { isGroupId } from '../okta/group-ids';
import { CONTROL_CHARACTERS } from '../okta/unsafe-text';
import { FileCheck, FileRule, Finding } from './rule';

/**
 * Static entries are exact group names or IDs. Catch the mistakes that would otherwise surface
 * only at plan time, in another team's review: a mistyped ID, a stray space, a control character.
 */
const check: FileCheck = (app) => {
  if (app.allowlist.kind !== 'static') return [];
  return app.allowlist.groups.flatMap((group, index) => groupReferenceProblem(group, ['allowlist', 'groups', index]) ?? []);
};

/** What is wrong with one group name or ID written in a file, if anything. */
export function groupReferenceProblem(group: string, path: Finding['path']): Finding | undefined {
  if (/^00g/.test(group) && !/\s/.test(group) && !isGroupId(group)) {
    return {
      path,
      message: `"${group}" looks like a group ID but is not one: an Okta group ID is "00g" followed by 17 letters or digits (20 characters)`,
    };
  }
  if (CONTROL_CHARACTERS.test(group)) {
    return {
      path,
      message: `group name ${JSON.stringify(group)} contains a control character (tab, newline, …): copy the name again from Okta`,
    };
  }
  if (group.trim() !== group) {
    return {
      path,
      message: `group name ${JSON.stringify(group)} starts or ends with a space: names are matched exactly, remove the space`,
    };
  }
  return undefined;
}

export const groupReferencesAreValid: FileRule = {
  id: 'group-references-are-valid',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Group names and IDs are well formed',
  explanation:
    "Static entries are exact group names or IDs (`00g…`). A mistyped ID, a stray space or a control character would otherwise surface only at plan time, in another team's review.",
  check,
};
