import { AppOauth } from '@cdktf/provider-okta/lib/app-oauth';
import { Construct } from 'constructs';
import { AppModel } from '../model/app';
import { dynamicOptInValue, PROFILE_KEYS } from '../okta/expressions';
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
  /** Let the shared dynamic claims of the app's own pattern give it its groups. @default false */
  readonly dynamicOptIn?: boolean;
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
      // Public clients authenticate with PKCE, not a secret.
      ...(app.type === 'web' ? { omitSecret: true } : { tokenEndpointAuthMethod: 'none', pkceRequired: true }),
      profile: profileOf(props),
      groupsClaim: props.orgClaim && { type: 'EXPRESSION', name: props.orgClaim.name, value: templateText(props.orgClaim.expression) },
      lifecycle: { preventDestroy: true },
    });
    this.resource.overrideLogicalId(app.key);
    if (props.importId) this.resource.importFrom(props.importId);
    for (const previous of app.previousKeys) this.resource.moveFromId(`okta_app_oauth.${previous}`);
  }
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
  if (props.dynamicOptIn && app.allowlist.kind === 'dynamic') fields.push(`${PROFILE_KEYS.dynamic} = ${hclString(dynamicOptInValue(app.allowlist))}`);
  return fields.length > 0 ? expression(`jsonencode({ ${fields.join(', ')} })`) : undefined;
}
