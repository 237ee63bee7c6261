import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('custom-claims-share-one-limit', () => {
  test('custom-server claims with one limit are accepted', () => {
    const file = allowlist({
      claims: [
        { server: 'default', limit: 5 },
        { server: 'default', token: 'access', limit: 5 },
      ],
    });
    expect(problemsOf({ 'a.json': file })).toEqual([]);
  });

  test('custom-server claims of one app with different limits', () => {
    const file = allowlist({
      claims: [
        { server: 'default', limit: 5 },
        { server: 'default', token: 'access', limit: 6 },
      ],
    });
    expectProblem(
      { 'a.json': file },
      at(A, file, '6'),
      /^custom-server claims of one app must share one limit, but claims\[0\] has 5 and claims\[1\] has 6/,
    );
  });
});
