import { TerraformElement } from 'cdktf';
import { Construct } from 'constructs';

export interface ForgottenAppsProps {
  /** Keys of apps Terraform stops managing, leaving them in Okta. */
  readonly keys: readonly string[];
  /**
   * Keys whose group assignments Terraform stops managing, leaving them in Okta: apps whose file
   * has no `assignments` (any more), and apps that are forgotten, moved out or renamed away.
   * A `removed` block for an address the state does not hold is a no-op. @default - none
   */
  readonly assignmentKeys?: readonly string[];
}

/**
 * `removed` blocks (Terraform 1.7+) with `destroy = false`: the apps (or their group assignments)
 * leave the state and stay in Okta. cdktf 0.21 has no construct for them, so this element writes
 * them directly.
 */
export class ForgottenApps extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: ForgottenAppsProps,
  ) {
    super(scope, id);
  }

  toTerraform(): unknown {
    const addresses = [
      ...this.props.keys.map((key) => `okta_app_oauth.${key}`),
      ...(this.props.assignmentKeys ?? []).map((key) => `okta_app_group_assignments.${key}`),
    ];
    if (addresses.length === 0) return {};
    return { removed: addresses.map((from) => ({ from, lifecycle: { destroy: false } })) };
  }
}
