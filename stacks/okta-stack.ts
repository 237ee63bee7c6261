import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { TerraformElement, TerraformOutput, TerraformStack } from 'cdktf';
import { deepMerge } from 'cdktf/lib/util';
import { Construct } from 'constructs';
import { EnvironmentModel } from '../lib/model/environment';
import { Given } from '../lib/model/given';
import { resolveOnce } from './resolve-once';
import { configureBackend, StateReader } from './state-backend';

/** The oldest Terraform that understands everything the stacks contain (`removed` blocks: 1.7). */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.7.0';

export interface OktaStackProps {
  /** The environment the stack belongs to. */
  readonly environment: string;
  /** How the environments file declares it. */
  readonly settings: EnvironmentModel;
}

/** A stack of one Okta org: its provider, its own state on the environment's backend. */
export abstract class OktaStack extends TerraformStack {
  /** Reads the last-applied outputs of any stack of the same environment. */
  protected readonly readState: StateReader;

  constructor(scope: Construct, id: string, props: OktaStackProps) {
    super(scope, id);
    const { settings } = props;
    const limits = settings.rateLimits;
    const ifGiven = (setting: Given<number>) => (setting.given ? setting.value : undefined);
    this.addOverride('terraform.required_version', REQUIRED_TERRAFORM_VERSION);
    // Credentials come from OKTA_API_TOKEN or OKTA_API_CLIENT_ID / OKTA_API_PRIVATE_KEY(_ID).
    new OktaProvider(this, 'okta', {
      orgName: settings.orgName,
      baseUrl: settings.baseUrl,
      scopes: settings.auth.method === 'oauth' ? [...settings.auth.scopes] : undefined,
      // Every stack's provider gets the environment's whole budget: the provider throttles on the
      // org-wide use that Okta reports in each response's X-Rate-Limit headers, so the stacks running
      // side by side all stop at the same line (dividing it, as this project once did, made a stack
      // sleep for up to a minute whenever the org as a whole had used a fraction of a bucket; the
      // end-to-end suite found it). The rule apiBudgetLeavesRoomForParallelJobs keeps the requests in
      // flight at that moment under Okta's limit.
      maxApiCapacity: limits.maxApiCapacity,
      backoff: limits.backoff,
      // The provider's own defaults are left to it.
      minWaitSeconds: ifGiven(limits.minWaitSeconds),
      maxWaitSeconds: ifGiven(limits.maxWaitSeconds),
      maxRetries: ifGiven(limits.maxRetries),
      requestTimeout: ifGiven(limits.requestTimeout),
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

  /**
   * The stack's Terraform JSON, as cdktf's own `toTerraform()` makes it but with one resolve pass
   * instead of two. cdktf resolves the JSON of every element, merges the results, then resolves
   * the merged document once more; that second pass walks every value again (about a tenth of a
   * large synth's CPU time, BENCHMARKS.md) to find tokens that the first pass already replaced.
   * Only the stack-level overrides (`addOverride`) are merged unresolved, so they are resolved
   * here on their own. Keys are written sorted, so the order of merging does not show in the files.
   */
  override toTerraform(): Record<string, unknown> {
    // The overrides and cdktf's version are private to TerraformStack; both are read as cdktf reads them.
    const overrides = (this as unknown as { rawOverrides: Record<string, unknown> }).rawOverrides;
    const elements = this.node.findAll().filter((c): c is TerraformElement => TerraformElement.isTerraformElement(c));
    const metadata: Record<string, unknown> = {
      version: this.node.tryGetContext('cdktfVersion'),
      stackName: this.node.id,
      backend: 'local',
      ...(Object.keys(overrides).length > 0 ? { overrides: { stack: Object.keys(overrides) } } : {}),
    };
    for (const element of elements) deepMerge(metadata, resolveOnce(this, element.toMetadata()));
    const outputs = {};
    for (const output of elements.filter((e) => TerraformOutput.isTerraformOutput(e))) {
      const path = output.node.path.split('/');
      deepMerge(
        outputs,
        path.reduceRight<Record<string, unknown>>((inner, part) => ({ [part]: inner }), output.friendlyUniqueId as never),
      );
    }
    const tf: Record<string, unknown> = { '//': { metadata, outputs } };
    for (const element of elements) deepMerge(tf, resolveOnce(this, element.toTerraform()));
    return deepMerge(tf, resolveOnce(this, overrides));
  }
}
