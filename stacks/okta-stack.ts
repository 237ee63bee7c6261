import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DEFAULT_MAX_API_CAPACITY, EnvironmentData } from '../lib/model/environments-file';
import { configureBackend, StateReader } from './state-backend';

/** Scopes the OAuth 2.0 service app needs for what this repo manages. */
export const DEFAULT_OAUTH_SCOPES = ['okta.apps.manage', 'okta.groups.read', 'okta.authorizationServers.manage', 'okta.policies.read'];

/** The oldest Terraform that understands everything the stacks contain (`removed` blocks: 1.7). */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.7.0';

/**
 * Every stack's provider gets the environment's whole budget: the provider throttles on the
 * org-wide use that Okta reports in each response's X-Rate-Limit headers, so the stacks running
 * side by side all stop at the same line (dividing it, as this project once did, made a stack
 * sleep for up to a minute whenever the org as a whole had used a fraction of a bucket; the
 * end-to-end suite found it). The rule apiBudgetLeavesRoomForParallelJobs keeps the requests in
 * flight at that moment under Okta's limit.
 */
export function providerApiCapacity(settings: EnvironmentData): number {
  return settings.rateLimits?.maxApiCapacity ?? DEFAULT_MAX_API_CAPACITY;
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
      maxApiCapacity: providerApiCapacity(settings),
      backoff: limits.backoff ?? true,
      minWaitSeconds: limits.minWaitSeconds,
      maxWaitSeconds: limits.maxWaitSeconds,
      maxRetries: limits.maxRetries,
      requestTimeout: limits.requestTimeout,
    });
    this.readState = configureBackend(this, id, settings.backend);
  }

  /**
   * cdktf resolves every element of every stack once more before synthesis (a "preparing" pass)
   * only so that a token referring to another stack's resource can add an output there and a
   * remote state here. These stacks never refer to each other that way: a stack reads its
   * siblings' (and its own) last-applied outputs through terraform_remote_state it declares
   * itself. Skipping that pass leaves the files byte-identical and saves about a seventh of a
   * large synth's CPU time (BENCHMARKS.md). A cross-stack token added by mistake would be written
   * as a plain reference to an undeclared resource, which `terraform validate` and `plan` refuse.
   */
  override prepareStack(): void {
    this.ensureBackendExists();
  }
}
