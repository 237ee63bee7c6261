import { Testing } from 'cdktf';
import { Construct } from 'constructs';

/** Synthesizes what `build` adds to a test stack and returns the Terraform JSON as an object. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary Terraform JSON
export function synthJson(build: (scope: Construct) => void): Record<string, any> {
  return JSON.parse(Testing.synthScope(build));
}
