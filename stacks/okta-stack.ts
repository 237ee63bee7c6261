import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DEFAULT_MAX_API_CAPACITY, DEFAULT_PARALLEL_JOBS, EnvironmentData } from '../lib/model/environments-file';
import { configureBackend, StateReader } from './state-backend';

/** Scopes the OAuth 2.0 service app needs for what this repo manages. */
export const DEFAULT_OAUTH_SCOPES = ['okta.apps.manage', 'okta.groups.read', 'okta.authorizationServers.manage', 'okta.policies.read'];

/** The oldest Terraform that understands everything the stacks contain (`removed` blocks: 1.7). */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.7.0';

export { DEFAULT_PARALLEL_JOBS } from '../lib/model/environments-file';

/**
 * Each of `parallelJobs` concurrent stacks gets an equal part of the environment's API budget,
 * so together they never use more of Okta's rate limits (shared with the org's sign-ins).
 */
export function apiCapacityPerStack(settings: EnvironmentData): number {
  const limits = settings.rateLimits ?? {};
  return Math.max(1, Math.floor((limits.maxApiCapacity ?? DEFAULT_MAX_API_CAPACITY) / (limits.parallelJobs ?? DEFAULT_PARALLEL_JOBS)));
}

export interface OktaStackProps {
  /** The environment the stack belongs to. */
  readonly environment: string;
  /** How the environments file declares it. */
  readonly settings: EnvironmentData;
}

/** A stack of one Okta org: its provider, its own state on the environment's backend. */
export abstract class OktaStack extends TerraformStack {
  /** Reads the last-applied outputs of any stack of the same environment. */
  protected readonly readState: StateReader;

  constructor(scope: Construct, id: string, props: OktaStackProps) {
    super(scope, id);
    const { settings } = props;
    const limits = settings.rateLimits ?? {};
    this.addOverride('terraform.required_version', REQUIRED_TERRAFORM_VERSION);
    // Credentials come from OKTA_API_TOKEN or OKTA_API_CLIENT_ID / OKTA_API_PRIVATE_KEY(_ID).
    new OktaProvider(this, 'okta', {
      orgName: settings.orgName,
      baseUrl: settings.baseUrl,
      scopes: settings.auth.method === 'oauth' ? [...(settings.auth.scopes ?? DEFAULT_OAUTH_SCOPES)] : undefined,
      maxApiCapacity: apiCapacityPerStack(settings),
      backoff: limits.backoff ?? true,
      minWaitSeconds: limits.minWaitSeconds,
      maxWaitSeconds: limits.maxWaitSeconds,
      maxRetries: limits.maxRetries,
      requestTimeout: limits.requestTimeout,
    });
    this.readState = configureBackend(this, id, settings.backend);
  }
}
