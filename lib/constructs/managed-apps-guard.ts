import { TerraformOutput, TerraformRemoteState } from 'cdktf';
import { Construct } from 'constructs';
import { expression, hclString } from './hcl';
import { VanishedKeysGuard } from './vanished-keys-guard';

export { FIRST_APPLY_VARIABLE } from './vanished-keys-guard';

export interface ManagedAppsGuardProps {
  /** Environment name, quoted in the error message. */
  readonly environment: string;
  /** Keys of the apps this configuration manages. */
  readonly managed: readonly string[];
  /** Keys that leave on purpose: retired (destroy or forget), renamed (previousKeys) or moved to another shard. */
  readonly leaving: readonly string[];
  /** The Okta ID of each managed app (a Terraform reference), recorded for moves between shards. */
  readonly appIds: Readonly<Record<string, string>>;
  /**
   * Keys moving to another shard. Their IDs stay in this stack's `app_ids` output, carried over
   * from the last apply, so the receiving shard can import them whichever stack applies first.
   * @default - none
   */
  readonly movedOut?: readonly string[];
  /** Reads this stack's own last-applied state. */
  readonly readOwnState: (scope: Construct, id: string, defaults: Record<string, unknown>) => TerraformRemoteState;
}

export const MANAGED_APPS_OUTPUT = 'managed_apps';
export const APP_IDS_OUTPUT = 'app_ids';

/**
 * Stops an allow-list file deletion (or an environment dropped from a file) from deleting the
 * Okta app: the plan fails unless the app left with "retire", "previousKeys" or
 * "previousShard". Also records each app's Okta ID for moves between shards.
 */
export class ManagedAppsGuard extends Construct {
  constructor(scope: Construct, id: string, props: ManagedAppsGuardProps) {
    super(scope, id);
    const env = props.environment;
    const guard = new VanishedKeysGuard(this, 'keys', {
      output: MANAGED_APPS_OUTPUT,
      description: 'Keys of the Okta apps this stack manages; read back by the next plan to catch deleted allow-list files.',
      managed: props.managed,
      leaving: props.leaving,
      readOwnState: props.readOwnState,
      otherOutputs: { [APP_IDS_OUTPUT]: {} },
      problem: (vanished) =>
        `Okta app(s) ${vanished} in environment "${env}" no longer have an allow-list file here ` +
        `(the file was deleted or renamed, or "${env}" was removed from its "environments"). Nothing was changed. ` +
        `To rename, name the old key in the new file's "previousKeys". To delete the Okta app, restore the file and add ` +
        `"retire": {"${env}": "destroy"}. To stop managing it but keep it in Okta, use "forget" instead of "destroy". ` +
        `If it moved to another shard (a new "shard" or first owner), add "previousShard" naming this one. ` +
        `See "Removing or renaming an app" in the README.`,
    });
    const lastIds = guard.lastApplied(APP_IDS_OUTPUT, '{}');
    const carried = Object.fromEntries(
      (props.movedOut ?? []).map((key) => [key, expression(`lookup(${lastIds}, ${hclString(key)}, null)`)]),
    );
    const ids = new TerraformOutput(this, 'ids', {
      value: { ...carried, ...props.appIds },
      description: 'Okta app IDs by key, including apps moving to another shard; read by the receiving shard to import them.',
    });
    ids.overrideLogicalId(APP_IDS_OUTPUT);
  }
}
