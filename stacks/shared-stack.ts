import { Construct } from 'constructs';
import { AuthorizationServer } from '../lib/constructs/authorization-server';
import { SharedGroupsClaim } from '../lib/constructs/shared-groups-claim';
import { EnvironmentPlan } from '../lib/plan/environment-plan';
import { OktaStack } from './okta-stack';

export interface SharedStackProps {
  /** The environment whose shared objects this stack owns. */
  readonly plan: EnvironmentPlan;
}

/**
 * What belongs to a whole authorization server, owned by exactly one state per environment:
 * the Groups claims every app on a server shares, and the managed `groups` scopes. The claims
 * read each app's profile, so they need no group lookups and no knowledge of the shards.
 */
export class SharedStack extends OktaStack {
  constructor(scope: Construct, props: SharedStackProps) {
    const { plan } = props;
    super(scope, plan.sharedStack, { environment: plan.name, settings: plan.settings });
    const servers = new Map(
      plan.servers.map((name) => [name, new AuthorizationServer(this, `server-${name}`, { name, settings: plan.settings.authorizationServers![name] })]),
    );
    for (const claim of plan.sharedClaims) {
      const server = servers.get(claim.server)!;
      // A claim restricted to the scope this stack creates must not exist before it.
      const needsScope = server.groupsScope && claim.scopes?.includes('groups');
      new SharedGroupsClaim(this, `claim-${claim.server}-${claim.token}-${claim.name}`, {
        authServerId: server.serverId,
        claim,
        dependsOn: needsScope ? [server.groupsScope!] : undefined,
      });
    }
  }
}
