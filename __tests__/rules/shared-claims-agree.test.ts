import { allowlist, problemsOf } from '../helpers/fixture';
import { at, envWith, expectProblem } from '../helpers/located-problems';

describe('shared-claims-agree', () => {
  test('two apps asking for one claim with different scopes conflict, naming both files', () => {
    const a = allowlist({ claims: [{ server: 'default', token: 'access', scopes: ['profile'] }] });
    const b = allowlist({ claims: [{ server: 'default', token: 'access' }] });
    expectProblem(
      { 'a.json': a, 'b.json': b },
      at('allowlists/b.json', b, '{\n      "server"'),
      'this claim conflicts with allowlists/a.json claims[0]: apps on server "default" share ONE "groups" access-token claim (environments "dev", "prod"), so they must agree on scopes: ["profile"] in allowlists/a.json vs none here. Align the two files, or give one claim another name',
    );
    // Both apps are in dev and prod: the conflict is reported once, naming both environments.
    expect(problemsOf({ 'a.json': a, 'b.json': b }).filter((p) => p.includes('this claim conflicts with'))).toHaveLength(1);
  });

  test('a conflict in one environment names that environment only', () => {
    const a = allowlist({ environments: ['dev'], claims: [{ server: 'default', token: 'access', scopes: ['profile'] }] });
    const b = allowlist({ claims: [{ server: 'default', token: 'access' }] });
    expect(problemsOf({ 'a.json': a, 'b.json': b })).toEqual([
      expect.stringContaining('share ONE "groups" access-token claim (environment "dev"), so they must agree on scopes'),
    ]);
  });

  test('two dynamic apps with different patterns on one claim conflict', () => {
    const a = allowlist({ allowlist: { startsWith: 'IT-' }, claims: [{ server: 'default' }] });
    const b = allowlist({ allowlist: { startsWith: 'HR-' }, claims: [{ server: 'default' }] });
    expect(problemsOf({ 'a.json': a, 'b.json': b }).join('\n')).toMatch(
      /must agree on allow-list kind and pattern: startsWith "IT-" \(source OKTA\) in allowlists\/a.json vs startsWith "HR-" \(source OKTA\) here/,
    );
  });

  test('a static and a dynamic app on one claim conflict', () => {
    const a = allowlist({ claims: [{ server: 'default' }] });
    const b = allowlist({ allowlist: { startsWith: 'HR-' }, claims: [{ server: 'default' }] });
    expect(problemsOf({ 'a.json': a, 'b.json': b }).join('\n')).toMatch(
      /must agree on allow-list kind and pattern: a static list in allowlists\/a.json vs startsWith "HR-"/,
    );
  });

  test('a claim without scopes agrees with one restricted to "groups" and conflicts with another scope, naming the default', () => {
    const envs = envWith({ id: 'default', manageGroupsScope: true });
    const explicit = allowlist({ claims: [{ server: 'default', token: 'access', scopes: ['groups'] }] });
    const implicit = allowlist({ claims: [{ server: 'default', token: 'access' }] });
    expect(problemsOf({ 'a.json': explicit, 'b.json': implicit }, envs)).toEqual([]);
    const other = allowlist({ claims: [{ server: 'default', token: 'access', scopes: ['profile'] }] });
    expect(problemsOf({ 'a.json': other, 'b.json': implicit }, envs).join('\n')).toContain(
      'must agree on scopes: ["profile"] in allowlists/a.json vs none (so ["groups"], the default on a server not dedicatedToManagedApps) here',
    );
  });
});
