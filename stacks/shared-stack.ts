import { Construct } from 'constructs';
import { AuthorizationServer } from '../lib/constructs/authorization-server';
import { constructId } from '../lib/constructs/construct-id';
import { SharedGroupsClaim } from '../lib/constructs/shared-groups-claim';
import { VanishedKeysGuard } from '../lib/constructs/vanished-keys-guard';
import { EnvironmentPlan } from '../lib/plan/environment-plan';
import { OktaStack } from './okta-stack';
import { claimKey } from '../lib/model/app';
import { own } from '../lib/model/own';

export const MANAGED_CLAIMS_OUTPUT = 'managed_claims';

export interface SharedStackProps {
  /** The environment whose shared objects this stack owns. */
  readonly plan: EnvironmentPlan;
}

/**
 * What belongs to a whole authorization server, owned by exactly one state per environment:
 * the Groups claims every app on a server shares, and the managed `groups` scopes. The claims
 * read each app's profile, so they need no group lookups and no knowledge of the shards. A
 * claim that no file asks for any more is deleted only when the environments file lists it in
 * `removedClaims`: apps this repository does not manage may rely on it.
 */
export class SharedStack extends OktaStack {
  constructor(scope: Construct, props: SharedStackProps) {
    const { plan } = props;
    super(scope, plan.sharedStack, { environment: plan.name, settings: plan.settings });
    const servers = new Map(
      plan.servers.map((name) => [name, new AuthorizationServer(this, constructId('server', name), { name, settings: own(plan.settings.authorizationServers, name)! })]),
    );
    new VanishedKeysGuard(this, 'managed-claims', {
      output: MANAGED_CLAIMS_OUTPUT,
      description: 'The shared claims this stack manages (server/token/name); read back by the next plan to catch claims that silently disappear.',
      managed: plan.sharedClaims.map(claimKey),
      leaving: Object.entries(plan.settings.authorizationServers ?? {}).flatMap(([server, s]) => (s.removedClaims ?? []).map((c) => claimKey({ server, ...c }))),
      readOwnState: (scope, id, defaults) => this.readState(scope, id, plan.sharedStack, defaults),
      problem: (vanished) =>
        `Shared claim(s) ${vanished} (server/token/name) in environment "${plan.name}" would be deleted: no allow-list file asks for them any more. ` +
        `Every app on the server gets these claims, including apps this repository does not manage, so a claim is only deleted when the ` +
        `platform team lists it in stacks/environments.json under authorizationServers.<server>.removedClaims (e.g. {"name": "groups", "token": "access"}). Nothing was changed.`,
    });
    for (const claim of plan.sharedClaims) {
      const server = servers.get(claim.server)!;
      // A claim restricted to the scope this stack creates must not exist before it.
      const needsScope = server.groupsScope && claim.scopes?.includes('groups');
      new SharedGroupsClaim(this, constructId('claim', claim.server, claim.token, claim.name), {
        authServerId: server.serverId,
        claim,
        dependsOn: needsScope ? [server.groupsScope!] : undefined,
      });
    }
  }
}
