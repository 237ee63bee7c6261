import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('access-claims-are-always-included', () => {
  test('alwaysIncludeInToken: false on an ID-token claim is accepted', () => {
    expect(problemsOf({ 'a.json': allowlist({ claims: [{ server: 'default', token: 'id', alwaysIncludeInToken: false }] }) })).toEqual([]);
  });

  test('alwaysIncludeInToken: false on an access-token claim is refused at its value', () => {
    const file = allowlist({ claims: [{ server: 'default', token: 'access', alwaysIncludeInToken: false }] });
    expectProblem(
      { 'a.json': file },
      at(A, file, 'false'),
      /^alwaysIncludeInToken must not be false on an access-token claim, but got false: Okta always puts access-token claims into the token/,
    );
  });
});
