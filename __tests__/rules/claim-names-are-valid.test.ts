import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('claim-names-are-valid', () => {
  test.each([
    ['sub', 'id', 'name "sub" is reserved by Okta in id tokens: choose another name, such as "groups"'],
    ['cid', 'access', 'name "cid" is reserved by Okta in access tokens: choose another name, such as "groups"'],
    // Okta's "OIDC Bearer Tokens: List of Reserved Claims", ID-token names the project once lacked.
    ...['group', 'role', 'permissions', 'client_id', 'cnf', 'oid', 'rid', 'device_id', 'may_act', 'term', 'okta_emailVerified'].map(
      (name) =>
        [name, 'id', `name "${name}" is reserved by Okta in id tokens: choose another name, such as "groups"`] as [string, string, string],
    ),
    [
      'my groups',
      'id',
      /^name must be letters, digits, "_", "-", "\." or ":", starting with a letter or "_" \(at most 100\), but got "my groups"/,
    ],
  ])('claim name %p in the %s token', (name, token, message) => {
    const file = allowlist({ claims: [{ server: 'default', name, token }] });
    expectProblem({ 'a.json': file }, at(A, file, `"${name}"`), message);
  });

  test.each([
    ['groups', 'access'],
    ['groups', 'id'],
    ['role', 'access'],
    ['roles', 'id'],
  ])('claim name %p in the %s token is not reserved', (name, token) => {
    expect(problemsOf({ 'a.json': allowlist({ claims: [{ server: 'default', name, token }] }) })).toEqual([]);
  });
});
