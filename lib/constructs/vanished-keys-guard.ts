import { TerraformOutput, TerraformRemoteState, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { expression, hclString } from './hcl';

export const FIRST_APPLY_VARIABLE = 'first_apply';

export interface VanishedKeysGuardProps {
  /** Output that records the managed keys, read back from the last-applied state. */
  readonly output: string;
  /** What the output holds, for its description. */
  readonly description: string;
  /** Keys of the objects this configuration manages. */
  readonly managed: readonly string[];
  /** Keys that leave on purpose (retired, renamed, moved, removed explicitly). */
  readonly leaving: readonly string[];
  /** The plan's error message, given an HCL expression listing the vanished keys. */
  readonly problem: (vanished: string) => string;
  /** Reads this stack's own last-applied state, with defaults for outputs it does not have yet. */
  readonly readOwnState: (scope: Construct, id: string, defaults: Record<string, unknown>) => TerraformRemoteState;
  /** Defaults of other outputs read back through the same state. @default - none */
  readonly otherOutputs?: Readonly<Record<string, unknown>>;
}

/**
 * Stops objects from being destroyed because their definition silently disappeared from the
 * configuration. `prevent_destroy` cannot do it: Terraform ignores it once the resource is gone
 * from the configuration. So the stack records the keys it manages in an output, reads the
 * last-applied value back from its own state, and fails the plan when a key disappears without
 * being listed as leaving on purpose. Terraform cannot read a state that does not exist yet, so
 * the very first plan of a stack (empty state: nothing to protect) passes `-var first_apply=true`.
 */
export class VanishedKeysGuard extends Construct {
  constructor(scope: Construct, id: string, props: VanishedKeysGuardProps) {
    super(scope, id);
    const firstApply = new TerraformVariable(this, 'first-apply', {
      type: 'bool',
      default: false,
      description: 'Set to true only while this stack has no Terraform state yet (its first apply).',
    });
    firstApply.overrideLogicalId(FIRST_APPLY_VARIABLE);
    const state = props.readOwnState(this, 'last-applied', { [props.output]: [], ...props.otherOutputs });
    state.overrideLogicalId('last_applied');
    state.addOverride('count', expression(`var.${FIRST_APPLY_VARIABLE} ? 0 : 1`));

    const known = [...props.managed, ...props.leaving].map(hclString).join(', ');
    const vanished = `setsubtract(toset(${this.lastApplied(props.output, '[]')}), toset([${known}]))`;
    const output = new TerraformOutput(this, 'output', { value: [...props.managed].sort(), description: props.description });
    // cdktf 0.21 accepts an output precondition but never writes it, hence the override.
    output.addOverride('precondition', {
      condition: expression(`length(${vanished}) == 0`),
      error_message: props.problem(`\${join(", ", sort(${vanished}))}`),
    });
    output.overrideLogicalId(props.output);
  }

  /** HCL for an output of the last-applied state; `empty` before the first apply. */
  lastApplied(output: string, empty: string): string {
    return `(var.${FIRST_APPLY_VARIABLE} ? ${empty} : data.terraform_remote_state.last_applied[0].outputs.${output})`;
  }
}
