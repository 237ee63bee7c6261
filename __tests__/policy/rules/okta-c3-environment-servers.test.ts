import { PolicyFileData } from '../../../lib/policy/policy-file';
import { environmentServers } from '../../../lib/policy/rules/okta-c3-environment-servers';
import { appOf, at, run, suppressing } from '../policy-fixture';

const policy: PolicyFileData = { environments: { dev: { servers: ['org'] }, prod: { servers: ['org', 'default'] } } };
const onDefault = { claims: [{ server: 'org' }, { server: 'default', token: 'access' }] };

describe('OKTA-C3 authorization servers each environment exposes', () => {
  test('servers the environment lists are allowed', () => {
    expect(run(environmentServers, policy, appOf({ ...onDefault, environments: ['prod'] })).lines).toEqual([]);
  });

  test('a server the environment does not list is refused at the claim server, naming the environment', () => {
    const app = appOf(onDefault);
    expect(run(environmentServers, policy, app).lines).toEqual([
      `${at(app, '"default"')}: [OKTA-C3 error] server "default" is not open to allow lists in dev: policy.json (environments.dev.servers) allows "org". Use one of them, or leave dev out of the app's "environments"`,
    ]);
  });

  test('suppressed', () => {
    const result = run(environmentServers, policy, appOf({ ...onDefault, ...suppressing('OKTA-C3') }));
    expect(result.lines).toEqual([]);
    expect(result.suppressions[0].silenced).toBe(1);
  });
});
