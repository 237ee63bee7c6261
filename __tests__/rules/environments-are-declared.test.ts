import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('environments-are-declared', () => {
  test('declared environments, with an import where the app is deployed, are accepted', () => {
    const file = allowlist({
      environments: ['dev', 'prod'],
      app: { ...(allowlist().app as object), importIds: { prod: '0oa1b2c3d4e5f6g7h8i9' } },
    });
    expect(problemsOf({ 'a.json': file })).toEqual([]);
  });

  test('an unknown environment lists the declared ones', () => {
    const file = allowlist({ environments: ['dev', 'staging'] });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"staging"'),
      'environment "staging" is not declared: use one of "dev", "prod" or add it to the environments file',
    );
  });

  test('an import for an environment the app is not deployed to', () => {
    const file = allowlist({ environments: ['dev'], app: { ...(allowlist().app as object), importIds: { prod: '0oa1b2c3d4e5f6g7h8i9' } } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"0oa1b2c3d4e5f6g7h8i9"'),
      /^app.importIds names "prod", but the app is not deployed there/,
    );
  });
});
