import { ResourceChangeJson, TerraformPlanJson } from './plan-json';

/**
 * What an apply changes on an Okta app that already exists, attribute by attribute.
 *
 * An adopted app (an `importing` change) lists every attribute whose value in Okta (`before`,
 * read at import) differs from what the apply writes (`after`): the first apply is a full
 * replacement of the app (provider 4.20.0 `resourceAppOAuthUpdate` PUTs the whole app), so this
 * is everything the adoption changes. An app already under management lists its security and
 * dashboard settings only, so that a changed project default (e.g. PKCE) is never a bare "1 to
 * change" in the table.
 */
export interface AppSettingChange {
  readonly address: string;
  /** The app's label in Okta before the change. */
  readonly label: string;
  readonly adopted: boolean;
  /** `PKCE required: no → yes`, one per changed attribute, in plan order. */
  readonly changes: readonly string[];
}

/** Plain names of okta_app_oauth attributes; others show their Terraform name. */
const NAMES: Readonly<Record<string, string>> = {
  label: 'label',
  pkce_required: 'PKCE required',
  token_endpoint_auth_method: 'token endpoint auth',
  consent_method: 'user consent',
  issuer_mode: 'issuer mode',
  refresh_token_rotation: 'refresh-token rotation',
  refresh_token_leeway: 'refresh-token leeway (seconds)',
  hide_web: 'dashboard tile hidden on web',
  hide_ios: 'tile hidden in the Okta mobile app',
  jwks_uri: 'JWKS URL',
  redirect_uris: 'redirect URIs',
  post_logout_redirect_uris: 'post-logout redirect URIs',
  grant_types: 'grant types',
  response_types: 'response types',
  profile: 'profile',
  groups_claim: 'org-server groups claim',
};

/** Shown for every app already under management when they change. */
export const SECURITY_ATTRIBUTES: readonly string[] = [
  'pkce_required',
  'token_endpoint_auth_method',
  'consent_method',
  'issuer_mode',
  'refresh_token_rotation',
  'refresh_token_leeway',
  'jwks_uri',
  'hide_web',
  'hide_ios',
];

/**
 * Bookkeeping, not settings of the app in Okta. `omit_secret` only keeps the client secret out of
 * the Terraform state (provider 4.20.0: "This tells the provider not manage the client_secret
 * value in state"); import never reads it, so every adopted web app shows it going from null to
 * true, and the PUT leaves the secret as it is.
 */
const IGNORED = new Set(['id', 'timeouts', 'client_secret', 'logo_url', 'name', 'sign_on_mode', 'omit_secret']);

type Json = Record<string, unknown>;

function render(value: unknown): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (value === null || value === undefined || value === '') return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(render).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

const isEmpty = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

/** Equal as Okta sees it: unordered sets (grants, URIs) are compared as sets. */
function same(attribute: string, before: unknown, after: unknown): boolean {
  if (isEmpty(before) && isEmpty(after)) return true;
  if (attribute === 'profile' && typeof before === 'string' && typeof after === 'string') {
    try {
      return JSON.stringify(JSON.parse(before)) === JSON.stringify(JSON.parse(after));
    } catch {
      return before === after;
    }
  }
  return JSON.stringify(before) === JSON.stringify(after);
}

function changesOf(resource: ResourceChangeJson, attributes: readonly string[] | undefined): string[] {
  const before = (resource.change.before ?? {}) as Json;
  const after = (resource.change.after ?? {}) as Json;
  const unknown = (resource.change.after_unknown ?? {}) as Json;
  const sensitive = (resource.change.after_sensitive ?? {}) as Json;
  const keys = attributes ?? [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !IGNORED.has(k)).sort();
  // Without the refresh_token grant the provider never sends the refresh-token settings
  // (buildAppOAuth in okta/resource_okta_app_oauth.go), and never reads them back: an adopted
  // app shows its schema defaults (STATIC, 0) coming from null, which change nothing in Okta.
  const grants = after.grant_types;
  const refreshIgnored = Array.isArray(grants) && !grants.includes('refresh_token');
  const lines: string[] = [];
  for (const key of keys) {
    if (refreshIgnored && key.startsWith('refresh_token_')) continue;
    const name = NAMES[key] ?? key;
    if (unknown[key] === true) {
      lines.push(`${name}: ${render(before[key])} → (known after apply)`);
      continue;
    }
    if (same(key, before[key], after[key])) continue;
    if (sensitive[key] === true) lines.push(`${name}: (sensitive value changes)`);
    else lines.push(`${name}: ${render(before[key])} → ${render(after[key])}`);
  }
  return lines;
}

/** Every existing okta_app_oauth whose settings the plan changes (see above). */
export function appSettingChanges(plan: TerraformPlanJson): AppSettingChange[] {
  const result: AppSettingChange[] = [];
  for (const resource of plan.resource_changes ?? []) {
    if (resource.type !== 'okta_app_oauth' || resource.mode === 'data') continue;
    const { actions, importing } = resource.change;
    if (actions.includes('delete') || actions.includes('create') || actions.includes('forget')) continue;
    const adopted = importing !== undefined;
    const changes = changesOf(resource, adopted ? undefined : SECURITY_ATTRIBUTES);
    const label = (resource.change.before as { label?: unknown } | null)?.label;
    if (changes.length > 0 || adopted)
      result.push({ address: resource.address, label: typeof label === 'string' ? label : resource.address, adopted, changes });
  }
  return result;
}

/** `Payroll Portal (adopted): PKCE required: no → yes; …`. */
export function describeAppSettingChange(change: AppSettingChange): string {
  const what = change.adopted ? 'adopted' : 'already managed';
  if (change.changes.length === 0) return `${change.label} (${what}, ${change.address}): no setting changes`;
  return `${change.label} (${what}, ${change.address}): ${change.changes.join('; ')}`;
}
