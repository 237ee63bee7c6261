import { EnvironmentModel, ServerAccessModel } from '../model/environment';

/**
 * Where an app stands when its access is described:
 * - `exists`: the app is in its shard's state already;
 * - `new`: the change creates it in this environment (or imports it): its client ID reaches the
 *   shard's state only with the apply;
 * - `unknown`: no state and no base to compare with (preview): assumed to exist;
 * - `forgotten`: the change retires it with "forget".
 */
export type AppStanding = 'exists' | 'new' | 'unknown' | 'forgotten';

/** `yes`, `after-next-apply`, `no`, `checked` (a verified policy decides), `unchecked` (nothing says). */
export type AccessVerdict = 'yes' | 'after-next-apply' | 'no' | 'checked' | 'unchecked';

/** Whether one app can get tokens from one custom server, in words an app team can act on. */
export interface ServerAccessStatus {
  readonly server: string;
  readonly verdict: AccessVerdict;
  /** `can get tokens from this server: …`, the sentence after the server's name. */
  readonly text: string;
}

const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/**
 * Per custom server the app asks for claims (sorted): can it get tokens there? Decided from the
 * environments file's access mode (lib/plan/server-access.ts): a managed policy reads client IDs
 * from the shards' last-applied state, so an app is admitted by the apply after the one that
 * creates it; a verified policy is checked by Terraform against Okta, which nothing offline can.
 */
export function serverAccessStatus(
  settings: EnvironmentModel,
  claims: readonly { readonly server: string }[],
  standing: AppStanding,
): ServerAccessStatus[] {
  const servers = [...new Set(claims.map((c) => c.server).filter((s) => s !== 'org'))].sort();
  return servers.map((server) => ({ server, ...statusOn(settings.servers.get(server)?.access, standing) }));
}

function statusOn(access: ServerAccessModel | undefined, standing: AppStanding): Omit<ServerAccessStatus, 'server'> {
  if (access?.mode === 'managed') {
    const policy = `the managed access policy "${access.policyName}"`;
    if (standing === 'forgotten') {
      return {
        verdict: 'no',
        text: `no: retired with "forget", so ${policy} drops it and Okta issues it no token from this server unless another policy admits it`,
      };
    }
    if (standing === 'new') {
      return {
        verdict: 'after-next-apply',
        text: `only after the next apply: ${policy} reads client IDs from the shards' last-applied state, so the apply that creates the app cannot admit it yet; re-run the apply workflow (or merge the next change) to admit it`,
      };
    }
    if (standing === 'unknown') {
      return {
        verdict: 'yes',
        text: `yes, once applied: ${policy} admits it (assuming the app exists in Okta already; an app the next apply creates is admitted only by the apply after it)`,
      };
    }
    return { verdict: 'yes', text: `yes: ${policy} admits it` };
  }
  if (access?.mode === 'verified') {
    const policies = quoted(access.checkPolicies);
    if (standing === 'forgotten')
      return {
        verdict: 'checked',
        text: `unchanged: no longer checked here; it depends on ${policies}, which this repository does not change`,
      };
    if (standing === 'new')
      return {
        verdict: 'checked',
        text: `verified: checked during the apply that creates it against ${policies} (the apply fails when none admits it)`,
      };
    return { verdict: 'checked', text: `verified: checked at plan time against ${policies} (the plan fails when none admits it)` };
  }
  return {
    verdict: 'unchecked',
    text: 'not checked: the environments file sets no "access" for this server; Okta issues a token only when one of its access policies admits the app',
  };
}
