import { isGroupId } from '../okta/group-ids';
import { PlannedApp } from '../plan/environment-plan';
import { Membership } from './evaluate';

/**
 * May the user sign in to the app? Okta lets a user sign in to an OIDC app only when the app is
 * assigned to them, directly or through a group ("Assign app integrations", Okta Help Center);
 * otherwise the authorize request fails ("User is not assigned to the client application") and
 * no token is issued, whatever the Groups claim says.
 *
 * - `yes`: the user holds an assigned group (`via`, as written in the file);
 * - `no`: assignments are managed here and the user holds none of the assigned groups;
 * - `unknown`: the file does not manage assignments (they are made in the Okta console), or the
 *   assigned groups are given as IDs and the user's as names (or the other way round), which
 *   cannot be linked offline.
 */
export type SignIn =
  | { readonly kind: 'yes'; readonly via: readonly string[] }
  | { readonly kind: 'no'; readonly assigned: readonly string[] }
  | { readonly kind: 'unknown'; readonly reason: string };

export function signInOf(planned: PlannedApp, memberships: readonly Membership[]): SignIn {
  const assigned = planned.assignments;
  if (!assigned)
    return {
      kind: 'unknown',
      reason: `${planned.app.file} does not manage the app's assignments ("assignments"): they are whatever the Okta console says`,
    };
  const held = new Set(memberships.map((m) => m.reference));
  const via = assigned.filter((group) => held.has(group));
  if (via.length > 0) return { kind: 'yes', via };
  // A user given by names may still hold an assigned group written as an ID, and vice versa.
  const unlinkable = assigned.some((group) => memberships.some((m) => m.isId !== isGroupId(group)));
  if (unlinkable)
    return {
      kind: 'unknown',
      reason:
        'the assigned groups and the groups you gave mix names and IDs, which preview cannot link offline: give them the way the file writes them',
    };
  return { kind: 'no', assigned };
}
