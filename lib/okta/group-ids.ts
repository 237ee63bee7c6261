import { GROUP_ID_PATTERN } from '../model/allowlist-file';

const groupId = new RegExp(GROUP_ID_PATTERN);

/** True when an allow-list entry is an Okta group ID (00g…) rather than a group name. */
export function isGroupId(reference: string): boolean {
  return groupId.test(reference);
}
