import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('org-claims-are-id-token-only', () => {
  test('one org-server ID-token claim is accepted', () => {
    expect(problemsOf({ 'a.json': allowlist({ claims: [{ server: 'org', token: 'id' }] }) })).toEqual([]);
  });

  test('the org server has no access-token claim', () => {
    const file = allowlist({ claims: [{ server: 'org', token: 'access' }] });
    expectProblem({ 'a.json': file }, at(A, file, '"access"'), /^token must be "id" on the org server, but got "access"/);
  });

  test('scopes on an org-server claim', () => {
    const file = allowlist({ claims: [{ server: 'org', scopes: ['groups'] }] });
    expectProblem({ 'a.json': file }, at(A, file, '[\n        "groups"'), /^scopes apply to custom-server claims only/);
  });

  test('two org-server claims', () => {
    const file = allowlist({ claims: [{ server: 'org' }, { server: 'org', name: 'roles' }] });
    expectProblem(
      { 'a.json': file },
      at(A, file, '{\n      "server": "org"', 2),
      'an app has one org-server Groups claim, but this file declares 2: keep one',
    );
  });
});
