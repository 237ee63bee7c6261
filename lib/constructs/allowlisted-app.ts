import { AppOauth } from '@cdktf/provider-okta/lib/app-oauth';
import { Construct } from 'constructs';
import { AppModel } from '../model/app';
import { PROFILE_KEYS } from '../okta/expressions';
import { GroupDirectory } from './group-directory';
import { expression, hclString, templateText } from './hcl';

export interface AllowlistedAppProps {
  /** The app as its allow-list file describes it. */
  readonly app: AppModel;
  /** Resolves the app's allow-listed group names to IDs. */
  readonly directory: GroupDirectory;
  /**
   * Adopt an existing Okta app with an import block: its ID (0oa…) or a Terraform expression
   * that yields it (an app moving in from another shard). @default - a new app is created
   */
  readonly importId?: string;
  /** The org-server Groups claim, which Okta configures on the app itself. @default - none */
  readonly orgClaim?: { readonly name: string; readonly expression: string };
  /** The limit shared custom-server claims read from this app's profile. @default - not written */
  readonly profileLimit?: number;
  /** The shared custom-server claims (`server/token/name`) that serve this app. @default - none */
  readonly claimOptIns?: readonly string[];
}

/**
 * One Okta OIDC app whose profile carries its group allow list, and its org-server Groups claim.
 *
 * The Terraform address is `okta_app_oauth.<app-key>`: it derives from the file name only, so
 * reordering files or relabelling an app never replaces it. `prevent_destroy` turns any plan
 * that would delete or replace the app into an error.
 */
export class AllowlistedApp extends Construct {
  readonly resource: AppOauth;
  /**
   * The app's ID and OAuth client ID as Terraform expressions in plain text. The resource's own
   * `id` and `clientId` are cdktf tokens, which cdktf keeps in a process-wide map for as long as
   * the process runs, and each token holds on to its whole stack: a synth could never drop a
   * stack it has written (BENCHMARKS.md).
   */
  readonly id: string;
  readonly clientId: string;

  constructor(scope: Construct, id: string, props: AllowlistedAppProps) {
    super(scope, id);
    const { app } = props;
    const grants = new Set(app.grantTypes);
    this.resource = new AppOauth(this, 'app', {
      label: templateText(app.label),
      type: app.type,
      grantTypes: [...app.grantTypes],
      responseTypes: [...(grants.has('authorization_code') ? ['code'] : []), ...(grants.has('implicit') ? ['token', 'id_token'] : [])],
      redirectUris: app.redirectUris.map(templateText),
      postLogoutRedirectUris: app.postLogoutRedirectUris.map(templateText),
      // Web apps keep their secret out of the state; public clients have none.
      ...(app.type === 'web' ? { omitSecret: true } : {}),
      ...statedSettings(app),
      profile: profileOf(props),
      groupsClaim: props.orgClaim && { type: 'EXPRESSION', name: props.orgClaim.name, value: templateText(props.orgClaim.expression) },
      lifecycle: { preventDestroy: true, ignoreChanges: preservedAttributes(app) },
    });
    this.resource.overrideLogicalId(app.key);
    this.id = expression(`${AppOauth.tfResourceType}.${app.key}.id`);
    this.clientId = expression(`${AppOauth.tfResourceType}.${app.key}.client_id`);
    if (props.importId) this.resource.importFrom(props.importId);
    for (const previous of app.previousKeys) this.resource.moveFromId(`okta_app_oauth.${previous}`);
  }
}

/**
 * The security and dashboard attributes, always stated so that the plan shows a change when an
 * adopted app (or drift) differs. Left out, provider 4.20.0 would overwrite them without a diff
 * or with its own default (okta/resource_okta_app_oauth.go): `pkce_required` is Optional+Computed
 * and `buildAppOAuth` sends false when the configuration leaves it null; `token_endpoint_auth_method`
 * defaults to client_secret_basic, `consent_method` to TRUSTED, `issuer_mode` to ORG_URL,
 * `refresh_token_rotation` to STATIC, `refresh_token_leeway` to 0, `hide_ios`/`hide_web` to true.
 * See docs/okta-semantics.md, "What an adopted app keeps".
 */
function statedSettings(app: AppModel) {
  const s = app.settings;
  return {
    pkceRequired: s.pkceRequired,
    tokenEndpointAuthMethod: s.tokenEndpointAuthMethod,
    ...(s.jwksUri !== undefined ? { jwksUri: templateText(s.jwksUri) } : {}),
    consentMethod: s.consentMethod,
    issuerMode: s.issuerMode,
    // The provider sends refresh-token settings only with the refresh_token grant (buildAppOAuth).
    ...(s.refreshToken ? { refreshTokenRotation: s.refreshToken.rotation, refreshTokenLeeway: s.refreshToken.leewaySeconds } : {}),
    hideWeb: s.hideWeb,
    hideIos: s.hideIos,
  };
}

/**
 * Attributes the project does not manage: Terraform keeps the value Okta has (read at import or
 * at the last refresh) and the provider's full-replacement PUT sends it back unchanged, instead
 * of resetting an adopted app's value to the provider's default. New apps get the provider's
 * defaults at creation (`ignore_changes` does not apply to a create). Every attribute read back
 * by `resourceAppOAuthRead`/`appRead`/`setOAuthClientSettings` that the project does not state.
 */
export const PRESERVED_ATTRIBUTES: readonly string[] = [
  'status',
  'admin_note',
  'enduser_note',
  'app_links_json',
  'accessibility_self_service',
  'accessibility_error_redirect_url',
  'accessibility_login_redirect_url',
  'auto_submit_toolbar',
  'user_name_template',
  'user_name_template_type',
  'user_name_template_suffix',
  'user_name_template_push_status',
  'auto_key_rotation',
  'client_uri',
  'logo_uri',
  'tos_uri',
  'policy_uri',
  'login_uri',
  'login_mode',
  'login_scopes',
  'wildcard_redirect',
  'implicit_assignment',
  'app_settings_json',
  'jwks',
  'jwks_uri',
];

/**
 * Attributes with a provider default that Okta never reports for this app: an import reads them
 * as null, so without this every adoption (and shard move) would plan an update from null to the
 * default that sends nothing. `omit_secret` is Terraform-only (a public client has no secret to
 * omit); the refresh-token settings exist in Okta only with the refresh_token grant.
 */
function unreportedDefaults(app: AppModel): string[] {
  return [
    ...(app.type === 'web' ? [] : ['omit_secret']),
    ...(app.settings.refreshToken ? [] : ['refresh_token_rotation', 'refresh_token_leeway']),
  ];
}

function preservedAttributes(app: AppModel): string[] {
  // A jwksUri given by the file is stated, not preserved.
  return [...PRESERVED_ATTRIBUTES.filter((a) => !(a === 'jwks_uri' && app.settings.jwksUri !== undefined)), ...unreportedDefaults(app)];
}

/** `jsonencode({...})` of the profile keys the claims read; undefined when no claim reads any. */
function profileOf(props: AllowlistedAppProps): string | undefined {
  const { app } = props;
  const fields: string[] = [];
  if (app.allowlist.kind === 'static') {
    const ids = app.allowlist.groups.map((g) => props.directory.idExpression(g));
    fields.push(`${PROFILE_KEYS.groups} = [${ids.join(', ')}]`);
  }
  if (props.profileLimit !== undefined) fields.push(`${PROFILE_KEYS.limit} = ${props.profileLimit}`);
  if (props.claimOptIns?.length) fields.push(`${PROFILE_KEYS.claims} = [${props.claimOptIns.map(hclString).join(', ')}]`);
  return fields.length > 0 ? expression(`jsonencode({ ${fields.join(', ')} })`) : undefined;
}
