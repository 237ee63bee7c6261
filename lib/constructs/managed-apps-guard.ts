import { TerraformOutput, TerraformRemoteState, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { expression, hclString } from './hcl';

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
export const FIRST_APPLY_VARIABLE = 'first_apply';

/**
 * Stops an allow-list file deletion (or an environment dropped from a file) from deleting the
 * Okta app. `prevent_destroy` cannot do it: Terraform ignores it once the resource is gone from
 * the configuration. So the stack records the keys it manages in an output, reads the last
 * applied value back from its own state, and fails the plan when a key disappears without an
 * explicit "retire" or "previousKeys".
 */
export class ManagedAppsGuard extends Construct {
  constructor(scope: Construct, id: string, props: ManagedAppsGuardProps) {
    super(scope, id);
    // Terraform cannot read a state that does not exist yet, so the very first plan of an
    // environment (empty state: nothing to protect) says so explicitly with -var first_apply=true.
    const firstApply = new TerraformVariable(this, 'first-apply', {
      type: 'bool',
      default: false,
      description: 'Set to true only while this environment has no Terraform state yet (its first apply).',
    });
    firstApply.overrideLogicalId(FIRST_APPLY_VARIABLE);
    const state = props.readOwnState(this, 'last-applied', { [MANAGED_APPS_OUTPUT]: [], [APP_IDS_OUTPUT]: {} });
    state.overrideLogicalId('last_applied');
    state.addOverride('count', expression(`var.${FIRST_APPLY_VARIABLE} ? 0 : 1`));
    const lastApplied = `(var.${FIRST_APPLY_VARIABLE} ? [] : data.terraform_remote_state.last_applied[0].outputs.${MANAGED_APPS_OUTPUT})`;
    const known = [...props.managed, ...props.leaving].map(hclString).join(', ');
    const vanished = `setsubtract(toset(${lastApplied}), toset([${known}]))`;
    const output = new TerraformOutput(this, 'output', {
      value: [...props.managed].sort(),
      description: 'Keys of the Okta apps this stack manages; read back by the next plan to catch deleted allow-list files.',
    });
    // cdktf 0.21 accepts an output precondition but never writes it, hence the override.
    output.addOverride('precondition', {
      condition: expression(`length(${vanished}) == 0`),
      error_message:
        `Okta app(s) \${join(", ", sort(${vanished}))} in environment "${props.environment}" no longer have an allow-list file here ` +
        `(the file was deleted or renamed, or "${props.environment}" was removed from its "environments"). Nothing was changed. ` +
        `To rename, name the old key in the new file's "previousKeys". To delete the Okta app, restore the file and add ` +
        `"retire": {"${props.environment}": "destroy"}. To stop managing it but keep it in Okta, use "forget" instead of "destroy". ` +
        `If it moved to another shard (a new "shard" or first owner), add "previousShard" naming this one. ` +
        `See "Removing or renaming an app" in the README.`,
    });
    output.overrideLogicalId(MANAGED_APPS_OUTPUT);

    const lastIds = `(var.${FIRST_APPLY_VARIABLE} ? {} : data.terraform_remote_state.last_applied[0].outputs.${APP_IDS_OUTPUT})`;
    const carried = Object.fromEntries((props.movedOut ?? []).map((key) => [key, expression(`lookup(${lastIds}, ${hclString(key)}, null)`)]));
    const ids = new TerraformOutput(this, 'ids', {
      value: { ...carried, ...props.appIds },
      description: 'Okta app IDs by key, including apps moving to another shard; read by the receiving shard to import them.',
    });
    ids.overrideLogicalId(APP_IDS_OUTPUT);
  }
}
