import { groupReferenceProblem } from './group-references-are-valid';
import { FileCheck, FileRule, Finding } from './rule';

/**
 * `assignments` names the groups whose members may sign in, in one of two forms, and its group
 * names and IDs follow the allow list's rules (they resolve through the same exact-name lookup).
 * `fromAllowlist` needs a static list: Okta assigns groups, not name patterns, so a dynamic list
 * has no fixed set of groups to assign (Okta Apps API, "Assign a group to an application":
 * `PUT /api/v1/apps/{appId}/groups/{groupId}` takes one group ID).
 */
const check: FileCheck = (app) => {
  const { assignments } = app;
  if (!assignments) return [];
  const { groups, fromAllowlist } = assignments;
  if (groups && fromAllowlist) {
    return [
      {
        path: ['assignments', 'fromAllowlist'],
        message:
          'assignments must be either "groups" or "fromAllowlist", but got both: keep "groups" to assign other groups than the allow list, or "fromAllowlist" alone',
      },
    ];
  }
  if (!groups && !fromAllowlist) {
    return [
      {
        path: ['assignments'],
        message:
          'assignments must have "groups" (the groups whose members may sign in) or "fromAllowlist": true, but got neither: add one, or remove "assignments" to leave the app\'s assignments to the Okta console',
      },
    ];
  }
  if (fromAllowlist && app.allowlist.kind === 'dynamic') {
    const { match, pattern } = app.allowlist;
    return [
      {
        path: ['assignments', 'fromAllowlist'],
        message: `assignments.fromAllowlist must go with a static allow list, but got allowlist.${match} "${pattern}": Okta assigns groups, not name patterns. List the groups whose members may sign in under assignments.groups instead`,
      },
    ];
  }
  return (groups ?? []).flatMap((group, index): Finding[] => {
    const problem = groupReferenceProblem(group, ['assignments', 'groups', index]);
    return problem ? [problem] : [];
  });
};

export const assignmentsAreValid: FileRule = {
  id: 'assignments-are-valid',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Assignments are valid',
  explanation:
    "`assignments` names the groups whose members may sign in: either `groups` or `fromAllowlist`, never both or neither. `fromAllowlist` needs a static list, because Okta assigns groups, not name patterns. Assigned groups follow the allow list's rules for names and IDs.",
  check,
};
