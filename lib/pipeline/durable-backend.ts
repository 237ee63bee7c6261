/**
 * Refuses, in CI, a stack whose Terraform backend keeps no durable, shared, locked state.
 *
 * A GitHub Actions runner is thrown away after its job: with the `local` backend every plan
 * finds no state (so the managed-apps guard is switched off by `first_apply=true`), every apply
 * writes its state onto a discarded disk, and the next plan creates every app again. Local runs
 * (the demo, the end-to-end suite, a developer's machine) keep `local`: they own their disk.
 */

/** Backends whose state outlives the runner and is shared by every job, and how each one locks. */
const LOCKING: Readonly<Record<string, (settings: Record<string, unknown>) => string | undefined>> = {
  // S3 locks only with its lock file (Terraform 1.10+) or a DynamoDB table.
  s3: (s) =>
    s.use_lockfile === true || typeof s.dynamodb_table === 'string'
      ? undefined
      : 'an "s3" backend locks only with "useLockfile": true (or a "dynamodbTable")',
  gcs: () => undefined,
  azurerm: () => undefined,
  remote: () => undefined,
  cloud: () => undefined,
  pg: () => undefined,
};

/** The `terraform` block of a synthesized `cdk.tf.json`, as far as it matters here. */
export interface SynthesizedTerraform {
  readonly terraform?: { readonly backend?: Readonly<Record<string, Record<string, unknown>>>; readonly cloud?: Record<string, unknown> };
}

/**
 * Why `stack`'s backend cannot be used from CI, or undefined when it keeps durable, shared,
 * locked state. The message names the file to change and what to configure.
 */
export function durableBackendProblem(stack: string, synthesized: SynthesizedTerraform): string | undefined {
  // cdktf writes HCP Terraform's `cloud` block beside, not inside, `backend`.
  if (synthesized.terraform?.cloud) return undefined;
  const [type, settings] = Object.entries(synthesized.terraform?.backend ?? {})[0] ?? ['local', {}];
  const locking = LOCKING[type];
  const environment = stack.split('--')[0];
  const fix =
    `set environments.${environment}.backend in stacks/environments.json to a remote backend with locking ` +
    '(s3 with "useLockfile": true or "dynamodbTable", gcs, azurerm, cloud or pg; see docs/pipeline.md, "State backend and locking") ' +
    'and give its credentials to the GitHub Environments';
  if (!locking) {
    return `${stack} uses the "${type}" backend, which keeps its state on this runner: the state would be lost after the job, the next plan would see no state and create every Okta app again. ${fix}`;
  }
  const missing = locking(settings);
  return missing ? `${stack} cannot lock its state: ${missing}, and two applies could then write one state at once. ${fix}` : undefined;
}
