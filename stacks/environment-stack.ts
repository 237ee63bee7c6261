import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AllowlistedApp } from '../lib/constructs/allowlisted-app';
import { AuthorizationServer } from '../lib/constructs/authorization-server';
import { ForgottenApps } from '../lib/constructs/forgotten-apps';
import { GroupDirectory } from '../lib/constructs/group-directory';
import { ManagedAppsGuard } from '../lib/constructs/managed-apps-guard';
import { SharedGroupsClaim } from '../lib/constructs/shared-groups-claim';
import { EnvironmentPlan } from '../lib/plan/environment-plan';
import { configureBackend } from './state-backend';

/** Scopes the OAuth 2.0 service app needs for what this repo manages. */
export const DEFAULT_OAUTH_SCOPES = ['okta.apps.manage', 'okta.groups.read', 'okta.authorizationServers.manage', 'okta.policies.read'];

/** The oldest Terraform that understands everything the stacks contain. */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.7.0';

export interface EnvironmentStackProps {
  /** What the environment's stack must contain. */
  readonly plan: EnvironmentPlan;
}

/**
 * One Okta org: its provider and state backend, the group lookups, the apps with their
 * profiles and org-server claims, and the claims shared on custom authorization servers.
 */
export class EnvironmentStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: EnvironmentStackProps) {
    super(scope, id);
    const { plan } = props;
    const { settings } = plan;
    // `removed` blocks (ForgottenApps) need Terraform 1.7.
    this.addOverride('terraform.required_version', REQUIRED_TERRAFORM_VERSION);
    const limits = settings.rateLimits ?? {};

    // Credentials come from OKTA_API_TOKEN or OKTA_API_CLIENT_ID / OKTA_API_PRIVATE_KEY(_ID).
    new OktaProvider(this, 'okta', {
      orgName: settings.orgName,
      baseUrl: settings.baseUrl,
      scopes: settings.auth.method === 'oauth' ? [...(settings.auth.scopes ?? DEFAULT_OAUTH_SCOPES)] : undefined,
      maxApiCapacity: limits.maxApiCapacity ?? 50,
      backoff: limits.backoff ?? true,
      minWaitSeconds: limits.minWaitSeconds,
      maxWaitSeconds: limits.maxWaitSeconds,
      maxRetries: limits.maxRetries,
      requestTimeout: limits.requestTimeout,
    });
    const readOwnState = configureBackend(this, plan.name, settings.backend);

    const directory = new GroupDirectory(this, 'groups', { batches: plan.groupBatches, environment: plan.name });
    for (const planned of plan.apps) {
      new AllowlistedApp(this, `app-${planned.app.key}`, {
        app: planned.app,
        directory,
        importId: planned.importId,
        orgClaim: planned.orgClaim,
        profileLimit: planned.profileLimit,
        dynamicOptIn: planned.dynamicOptIn,
      });
    }

    const servers = new Map(
      plan.servers.map((name) => [name, new AuthorizationServer(this, `server-${name}`, { name, settings: settings.authorizationServers![name] })]),
    );
    for (const claim of plan.sharedClaims) {
      new SharedGroupsClaim(this, `claim-${claim.server}-${claim.token}-${claim.name}`, { authServerId: servers.get(claim.server)!.serverId, claim });
    }

    new ForgottenApps(this, 'forgotten', { keys: plan.forgotten });
    new ManagedAppsGuard(this, 'managed-apps', {
      environment: plan.name,
      managed: plan.apps.map((a) => a.app.key),
      leaving: [...plan.forgotten, ...plan.destroyed, ...plan.renames.map((r) => r.from)],
      readOwnState,
    });
  }
}
