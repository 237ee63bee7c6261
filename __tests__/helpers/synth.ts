import { Testing } from 'cdktf';
import { Construct } from 'constructs';

/** Synthesizes what `build` adds to a test stack and returns the Terraform JSON as an object. */
export function synthJson(build: (scope: Construct) => void): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return JSON.parse(Testing.synthScope(build));
}
