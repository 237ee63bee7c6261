import { JsonPath } from '../load/json-document';
import { EnvironmentsCheck, EnvironmentsRule, Finding } from './rule';

/** Where Terraform starts an interpolation ("${") or a directive ("%{") in a string. */
const TEMPLATE_SEQUENCE = /[$%]\{/;

/**
 * Terraform reads a backend block literally but EVALUATES the same settings in the
 * `terraform_remote_state` that reads the stack's last-applied state back. A setting holding "${"
 * or "%{" would therefore make the guard read another state than the backend writes (or run a
 * function such as file()). Such text has no use in a backend setting, so it is refused.
 */
const check: EnvironmentsCheck = ({ environments }) => {
  const findings: Finding[] = [];
  const visit = (value: unknown, path: JsonPath, env: string): void => {
    if (typeof value === 'string') {
      if (TEMPLATE_SEQUENCE.test(value)) {
        findings.push({
          path,
          message: `backend settings must be plain text, but ${path.slice(2).join('.')} of environment "${env}" holds ${JSON.stringify(value)}: "\${" and "%{" would be evaluated by Terraform where the state is read back. Write the value itself (only "{stack}" is replaced)`,
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i], env));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k], env);
    }
  };
  for (const [env, { backend }] of Object.entries(environments)) visit(backend.config, ['environments', env, 'backend', 'config'], env);
  return findings;
};

export const backendSettingsAreLiteral: EnvironmentsRule = {
  id: 'backend-settings-are-literal',
  scope: 'environments',
  level: 'error',
  configurable: false,
  title: 'Backend settings are literal',
  explanation:
    "Terraform reads a backend block literally but evaluates the same settings in the `terraform_remote_state` that reads a stack's state back, so a setting holding `${` or `%{` would make the guard read another state than the backend writes.",
  check,
};
