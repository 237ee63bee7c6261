import { JsonDocument } from '../load/json-document';
import { Problem } from '../load/problem';
import { closest, SchemaChecker } from '../load/schema-problems';
import { EnvironmentsModel } from '../model/environment';
import { BUILT_IN_RULES } from '../rules';
import { quoted } from '../rules/rule';
import { PolicyFile, PolicyFileData } from './policy-file';
import { PolicyRule } from './rule';
import { POLICY_RULES } from './rules';

const policySchema = new SchemaChecker(PolicyFile);

/**
 * Checks a parsed policy.json: its shape, then that every rule ID and environment it names
 * exists, so a typo in the policy cannot silently switch a guardrail off. The environment
 * names are checked only when the environments file itself is valid.
 */
export function readPolicy(
  document: JsonDocument,
  environments: EnvironmentsModel | undefined,
  pack: readonly PolicyRule[] = POLICY_RULES,
): { policy?: PolicyFileData; problems: Problem[] } {
  const shape = policySchema.problems(document);
  if (shape.length > 0) return { problems: shape };
  const policy = document.value as PolicyFileData;
  const problems: Problem[] = [];
  const ids = pack.map((rule) => rule.id);
  for (const id of Object.keys(policy.rules ?? {})) {
    const rule = pack.find((r) => r.id === id);
    if (BUILT_IN_RULES.some((r) => r.id === id)) {
      problems.push(
        document.problem(
          ['rules', id],
          `rules["${id}"] cannot be set: ${id} is a built-in rule, always an error and never suppressible. Remove this entry`,
        ),
      );
    } else if (!rule) {
      const suggestion = closest(id, ids);
      problems.push(
        document.problem(
          ['rules', id],
          `rules["${id}"] must name a policy rule, but there is none with that ID: ${suggestion ? `did you mean "${suggestion}"?` : `known rules: ${quoted(ids)}`}`,
        ),
      );
    } else if (rule.configurable === false) {
      problems.push(
        document.problem(['rules', id], `rules["${id}"] cannot be set: ${id} is always an error and never suppressible. Remove this entry`),
      );
    }
  }
  if (environments) {
    const known = [...environments.environments.keys()];
    for (const env of Object.keys(policy.environments ?? {}).filter((e) => !known.includes(e))) {
      const suggestion = closest(env, known);
      problems.push(
        document.problem(
          ['environments', env],
          `environments["${env}"] must be an environment of the environments file, but got "${env}": ${suggestion ? `did you mean "${suggestion}"?` : `known environments: ${quoted(known)}`}`,
        ),
      );
    }
  }
  return problems.length > 0 ? { problems } : { policy, problems };
}
