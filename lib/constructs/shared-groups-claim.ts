import { AuthServerClaim } from '@cdktf/provider-okta/lib/auth-server-claim';
import { createHash } from 'node:crypto';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { SharedClaim } from '../plan/environment-plan';
import { templateText } from './hcl';
import { constructId } from './construct-id';
import { ClaimId } from '../model/claim-id';

export interface SharedGroupsClaimProps {
  /** The custom authorization server's ID. */
  readonly authServerId: string;
  /** The claim every app on the server shares. */
  readonly claim: SharedClaim;
  /** Resources the claim needs first, e.g. the scope it is restricted to. @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * One Groups claim on a custom authorization server. Okta evaluates it for every app that asks
 * the server for a token, so its expression reads the requesting app's profile and is null-safe.
 */
export class SharedGroupsClaim extends Construct {
  readonly resource: AuthServerClaim;

  constructor(scope: Construct, id: string, props: SharedGroupsClaimProps) {
    super(scope, id);
    const { claim } = props;
    this.resource = new AuthServerClaim(this, 'claim', {
      authServerId: props.authServerId,
      name: claim.name,
      claimType: claim.token === 'id' ? 'IDENTITY' : 'RESOURCE',
      valueType: 'EXPRESSION',
      value: templateText(claim.expression),
      scopes: claim.scopes?.map(templateText),
      alwaysIncludeInToken: claim.alwaysIncludeInToken,
      status: 'ACTIVE',
      dependsOn: props.dependsOn,
      lifecycle: { preventDestroy: true },
    });
    this.resource.overrideLogicalId(claimAddress(claim));
  }
}

/** The construct id of a shared claim in its stack: distinct for every identity. */
export function claimConstructId(claim: ClaimId): string {
  return constructId('claim', claim.server, claim.token, claim.name);
}

/** `<server>_<token>_<name>`; names with characters Terraform IDs refuse get a hash suffix. */
export function claimAddress(claim: ClaimId): string {
  const safe = claim.name.replace(/[^A-Za-z0-9_-]/g, '_');
  const suffix = safe === claim.name ? '' : `_${createHash('sha256').update(claim.name).digest('hex').slice(0, 8)}`;
  return `${claim.server}_${claim.token}_${safe}${suffix}`;
}
