import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { AuthorizationServer } from '../lib/constructs/authorization-server';
import { constructId } from '../lib/constructs/construct-id';
import { expression, hclString } from '../lib/constructs/hcl';
import { ManagedAccessPolicy } from '../lib/constructs/managed-access-policy';
import { claimConstructId, SharedGroupsClaim } from '../lib/constructs/shared-groups-claim';
import { VanishedKeysGuard } from '../lib/constructs/vanished-keys-guard';
import { EnvironmentPlan } from '../lib/plan/environment-plan';
import { OktaStack } from './okta-stack';
import { claimIdText } from '../lib/model/claim-id';
import { CLIENT_IDS_OUTPUT } from '../lib/plan/server-access';
import { stackName } from '../lib/model/shards';

export const MANAGED_CLAIMS_OUTPUT = 'managed_claims';
/** The shards whose client IDs the managed access policies read. */
export const ACCESS_SHARDS_OUTPUT = 'access_shards';

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
      plan.servers.map((name) => [
        name,
        new AuthorizationServer(this, constructId('server', name), {
          settings: plan.settings.servers.get(name)!,
          environment: plan.name,
        }),
      ]),
    );
    const guard = new VanishedKeysGuard(this, 'managed-claims', {
      output: MANAGED_CLAIMS_OUTPUT,
      description:
        'The shared claims this stack manages (server/token/name); read back by the next plan to catch claims that silently disappear.',
      managed: plan.sharedClaims.map(claimIdText),
      leaving: plan.removedClaims.map(claimIdText),
      readOwnState: (scope, id, defaults) => this.readState(scope, id, plan.sharedStack, defaults),
      otherOutputs: { [ACCESS_SHARDS_OUTPUT]: [] },
      problem: (vanished) =>
        `Shared claim(s) ${vanished} (server/token/name) in environment "${plan.name}" would be deleted: no allow-list file asks for them any more. ` +
        `Every app on the server gets these claims, including apps this repository does not manage, so a claim is only deleted when the ` +
        `platform team lists it in stacks/environments.json under authorizationServers.<server>.removedClaims (e.g. {"name": "groups", "token": "access"}). Nothing was changed.`,
    });
    for (const claim of plan.sharedClaims) {
      const server = servers.get(claim.server)!;
      // A claim restricted to the scope this stack creates must not exist before it.
      const needsScope = server.groupsScope && claim.scopes?.includes('groups');
      new SharedGroupsClaim(this, claimConstructId(claim), {
        authServerId: server.serverId,
        claim,
        dependsOn: needsScope ? [server.groupsScope!] : undefined,
      });
    }
    const managed = plan.serverAccess.filter((a) => a.mode === 'managed');
    // A shard's state exists only after its first apply, and reading a missing state fails the plan. So a shard
    // is read once an earlier apply of this stack recorded it (by then the shard, applied in the same run, exists).
    const knownShards = guard.lastApplied(ACCESS_SHARDS_OUTPUT, '[]');
    for (const access of managed) {
      // A renamed or moved app is found under its old key or shard until its shard applies, so it keeps its tokens meanwhile.
      const clients = access.apps.map((a) => {
        const lookups = a.shards.flatMap((shard) =>
          a.keys.map((key) => `lookup(${this.clientIdsOf(plan.name, shard, knownShards)}, ${hclString(key)}, "")`),
        );
        return lookups.length === 1 ? lookups[0] : `try(coalesce(${lookups.join(', ')}), "")`;
      });
      const server = servers.get(access.server)!;
      new ManagedAccessPolicy(this, constructId('access', access.server), {
        authServerId: server.serverId,
        dependsOn: server.groupsScope && access.scopes.includes('groups') ? [server.groupsScope] : undefined,
        access,
        clientIds: `sort(compact([${clients.join(', ')}]))`,
      });
    }
    new TerraformOutput(this, 'access-shards', {
      value: [...new Set(managed.flatMap((a) => a.apps.flatMap((app) => app.shards)))].sort(),
      description: 'Shards with apps on servers whose access policy this stack manages; the next plan reads their client IDs.',
    }).overrideLogicalId(ACCESS_SHARDS_OUTPUT);
  }

  /** HCL for a shard's last-applied client IDs by key (empty until this stack has recorded the shard), one state reader per shard. */
  private clientIdsOf(environment: string, shard: string, knownShards: string): string {
    const address = `shard_${shard}`;
    if (!this.node.tryFindChild(address)) {
      const reader = this.readState(this, address, stackName(environment, shard), { [CLIENT_IDS_OUTPUT]: {} });
      reader.overrideLogicalId(address);
      reader.addOverride('count', expression(`contains(${knownShards}, ${hclString(shard)}) ? 1 : 0`));
    }
    return `try(data.terraform_remote_state.${address}[0].outputs.${CLIENT_IDS_OUTPUT}, {})`;
  }
}
