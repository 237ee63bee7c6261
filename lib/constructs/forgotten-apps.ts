import { TerraformElement } from 'cdktf';
import { Construct } from 'constructs';

export interface ForgottenAppsProps {
  /** Keys of apps Terraform stops managing, leaving them in Okta. */
  readonly keys: readonly string[];
}

/**
 * `removed` blocks (Terraform 1.7+) with `destroy = false`: the apps leave the state and stay in
 * Okta. cdktf 0.21 has no construct for them, so this element writes them directly.
 */
export class ForgottenApps extends TerraformElement {
  constructor(scope: Construct, id: string, private readonly props: ForgottenAppsProps) {
    super(scope, id);
  }

  toTerraform(): unknown {
    if (this.props.keys.length === 0) return {};
    return { removed: this.props.keys.map((key) => ({ from: `okta_app_oauth.${key}`, lifecycle: { destroy: false } })) };
  }
}
