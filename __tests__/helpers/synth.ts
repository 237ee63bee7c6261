import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Project } from '../../lib/load/load-project';
import { environmentStacks } from '../../stacks/environment-stacks';

/** Synthesizes what `build` adds to a test stack and returns the Terraform JSON as an object. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary Terraform JSON
export function synthJson(build: (scope: Construct) => void): Record<string, any> {
  return JSON.parse(Testing.synthScope(build));
}

/** Every stack of every environment of `project`, synthesized, by stack name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary Terraform JSON
export function synthStacks(project: Project): Map<string, Record<string, any>> {
  const app = Testing.app();
  const stacks = project.plans.flatMap((plan) => environmentStacks(plan)).map((builder) => builder.build(app));
  return new Map(stacks.map((stack) => [stack.node.id, JSON.parse(Testing.synth(stack))]));
}
