import { PolicyRule } from '../rule';

/** A static list may name at most `groups.maxPerList` groups. */
export const groupsPerList: PolicyRule = {
  id: 'OKTA-G3',
  scope: 'file',
  title: 'Maximum groups per allow list',
  level: 'error',
  explanation:
    'Every allow-listed group can end up in every token of the app: long lists make tokens large enough to break HTTP headers and cookies, and usually mean the app grants access by too many groups.',
  checks: 'A static list names at most `groups.maxPerList` groups.',
  setting: '`groups.maxPerList`',
  check(app, { policy }) {
    const max = policy.groups?.maxPerList;
    if (max === undefined || app.allowlist.kind !== 'static' || app.allowlist.groups.length <= max) return [];
    return [
      {
        path: ['allowlist', 'groups', max],
        message: `allowlist.groups must name at most ${max} groups (policy.json, groups.maxPerList), but got ${app.allowlist.groups.length}: this is the first one over. Remove groups the app does not check, or give your groups a common prefix and use "startsWith"`,
      },
    ];
  },
};
