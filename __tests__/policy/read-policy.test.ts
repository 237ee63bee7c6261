import { readFileSync } from 'node:fs';
import { JsonDocument } from '../../lib/load/json-document';
import { formatProblem } from '../../lib/load/problem';
import { environmentsModelOf } from '../../lib/model/environment';
import { readPolicy } from '../../lib/policy/read-policy';
import { ENVIRONMENTS, textOf } from './policy-fixture';

const problemsOf = (policy: unknown): string[] => {
  const { document } = JsonDocument.parse('policy.json', textOf(policy));
  return readPolicy(document!, ENVIRONMENTS).problems.map(formatProblem);
};

describe('readPolicy', () => {
  test('the sample policy.json is valid for the sample environments', () => {
    const { document } = JsonDocument.parse('policy.json', readFileSync('policy.json', 'utf8'));
    const environments = environmentsModelOf(JSON.parse(readFileSync('stacks/environments.json', 'utf8')));
    expect(readPolicy(document!, environments).problems).toEqual([]);
  });

  test('a mistyped rule ID is an error with a suggestion, so a setting cannot silently do nothing', () => {
    expect(problemsOf({ rules: { 'OKTA-G01': { suppressible: false } } })).toEqual([
      'policy.json:3:17: rules["OKTA-G01"] must name a policy rule, but there is none with that ID: did you mean "OKTA-G1"?',
    ]);
  });

  test('an environment the environments file does not declare is an error with a suggestion', () => {
    expect(problemsOf({ environments: { prd: { servers: ['org'] } } })).toEqual([
      'policy.json:3:12: environments["prd"] must be an environment of the environments file, but got "prd": did you mean "prod"?',
    ]);
  });

  test('OKTA-S1 cannot be reconfigured', () => {
    expect(problemsOf({ rules: { 'OKTA-S1': { level: 'warning' } } })).toEqual([expect.stringContaining('rules["OKTA-S1"] cannot be set')]);
  });

  test('a built-in rule cannot be configured', () => {
    expect(problemsOf({ rules: { 'claims-are-unique': { suppressible: true } } })).toEqual([
      expect.stringContaining(
        'rules["claims-are-unique"] cannot be set: claims-are-unique is a built-in rule, always an error and never suppressible',
      ),
    ]);
  });

  test('the shape is checked like the allow lists, with did-you-mean for unknown fields', () => {
    expect(problemsOf({ claim: { maxLimit: 50 } })).toEqual([
      'policy.json:2:3: "claim" is not a known field of the file: did you mean "claims"?',
    ]);
  });
});
