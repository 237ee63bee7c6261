import { TSchema } from '@sinclair/typebox';
import { AllowlistFile } from '../model/allowlist-file';
import { EnvironmentsFile } from '../model/environments-file';
import { PolicyFile } from '../policy/policy-file';

/** The JSON Schemas written for editors, each generated from the TypeBox type that validates. */
export const GENERATED_SCHEMAS: readonly { readonly path: string; readonly schema: TSchema }[] = [
  { path: 'allowlists/schema.json', schema: AllowlistFile },
  { path: 'stacks/environments.schema.json', schema: EnvironmentsFile },
  { path: 'policy.schema.json', schema: PolicyFile },
];

/** Draft-07 JSON text, stable and diff-friendly. */
export function renderSchema(schema: TSchema): string {
  return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...schema }, null, 2)}\n`;
}
