import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { AllowlistedApp } from '../lib/constructs/allowlisted-app';
import { AppAssignments } from '../lib/constructs/app-assignments';
import { constructId } from '../lib/constructs/construct-id';
import { ForgottenApps } from '../lib/constructs/forgotten-apps';
import { GroupDirectory } from '../lib/constructs/group-directory';
import { serverIdOf } from '../lib/constructs/authorization-server';
import { hclString } from '../lib/constructs/hcl';
import { APP_IDS_OUTPUT, ManagedAppsGuard } from '../lib/constructs/managed-apps-guard';
import { EnvironmentPlan, PlannedApp, ShardPlan } from '../lib/plan/environment-plan';
import { CLIENT_IDS_OUTPUT } from '../lib/plan/server-access';
import { stackName } from '../lib/model/shards';
import { VerifiedServerAccess } from '../lib/constructs/verified-server-access';
import { OktaStack } from './okta-stack';

export interface ShardStackProps {
  /** The environment the shard belongs to. */
  readonly plan: EnvironmentPlan;
  /** The shard: its apps and their lifecycle. */
  readonly shard: ShardPlan;
}

/**
 * One shard of an environment's apps, with its own state: the apps, the lookups of their
 * groups, and the guard that stops a vanished file from deleting an app.
 */
export class ShardStack extends OktaStack {
  constructor(scope: Construct, props: ShardStackProps) {
    const { plan, shard } = props;
    super(scope, shard.stack, { environment: plan.name, settings: plan.settings });

    const directory = new GroupDirectory(this, 'groups', { batches: shard.groupBatches, environment: plan.name });
    // An app moving here without an importId is imported with the ID its previous shard recorded.
    const importIdOf = ({ importId, app }: PlannedApp) => importId ?? this.idRecordedBy(app.previousShard, plan.name, app.key);
    const apps = shard.apps.map(
      (planned) =>
        new AllowlistedApp(this, constructId('app', planned.app.key), {
          app: planned.app,
          directory,
          importId: importIdOf(planned),
          orgClaim: planned.orgClaim,
          profileLimit: planned.profileLimit,
          claimOptIns: planned.claimOptIns,
        }),
    );

    shard.apps.forEach((planned, i) => {
      if (!planned.assignments) return;
      new AppAssignments(this, constructId('assignments', planned.app.key), {
        key: planned.app.key,
        appId: apps[i].id,
        groups: planned.assignments,
        directory,
        previousKeys: planned.app.previousKeys,
        // An app that already exists in Okta may have assignments made by hand: importing them shows their removal in the first plan.
        importId: importIdOf(planned),
      });
    });

    new ForgottenApps(this, 'forgotten', { keys: shard.forgottenApps, assignmentKeys: shard.forgottenAssignments });
    new ManagedAppsGuard(this, 'managed-apps', {
      environment: plan.name,
      managed: shard.apps.map((a) => a.app.key),
      leaving: shard.leaving,
      appIds: Object.fromEntries(apps.map((a, i) => [shard.apps[i].app.key, a.id])),
      movedOut: shard.movedOut,
      readOwnState: (scope, id, defaults) => this.readState(scope, id, shard.stack, defaults),
    });

    // OAuth client IDs (the app ID unless an adopted app has its own), read by the shared stack's managed access policies.
    const clientIds = Object.fromEntries(apps.map((a, i) => [shard.apps[i].app.key, a.clientId]));
    new TerraformOutput(this, 'client-ids', {
      value: clientIds,
      description: 'OAuth client IDs of the apps by key; read by the shared stack to admit them to managed access policies.',
    }).overrideLogicalId(CLIENT_IDS_OUTPUT);
    for (const access of plan.serverAccess.filter((a) => a.mode === 'verified')) {
      const mine = access.apps.filter((a) => a.shard === shard.name);
      if (mine.length === 0) continue;
      const server = new Construct(this, constructId('server', access.server));
      new VerifiedServerAccess(this, constructId('access', access.server), {
        authServerId: serverIdOf(server, plan.settings.servers.get(access.server)!),
        access,
        clientIds: Object.fromEntries(mine.map((a) => [a.key, `okta_app_oauth.${a.key}.client_id`])),
        files: Object.fromEntries(mine.map((a) => [a.key, a.file])),
        environment: plan.name,
      });
    }
  }

  /** The ID another shard recorded for an app moving here, read from that shard's state. */
  private idRecordedBy(fromShard: string | undefined, environment: string, key: string): string | undefined {
    if (fromShard === undefined) return undefined;
    const from = stackName(environment, fromShard);
    const address = `shard_${fromShard}`;
    // One reader per source shard, however many apps move from it.
    if (!this.node.tryFindChild(address)) this.readState(this, address, from).overrideLogicalId(address);
    return `\${data.terraform_remote_state.${address}.outputs.${APP_IDS_OUTPUT}[${hclString(key)}]}`;
  }
}
