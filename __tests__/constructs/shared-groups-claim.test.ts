import { AuthorizationServer } from '../../lib/constructs/authorization-server';
import { claimAddress, SharedGroupsClaim } from '../../lib/constructs/shared-groups-claim';
import { SharedClaim } from '../../lib/plan/environment-plan';
import { authorizationServerOf } from '../../lib/model/environment';
import { synthJson } from '../helpers/synth';

const claim: SharedClaim = {
  server: 'default',
  name: 'groups',
  token: 'access',
  expression: 'app.profile.groupallowlist == null ? {} : x',
  scopes: ['groups'],
  alwaysIncludeInToken: true,
  apps: ['a', 'b'],
};

describe('SharedGroupsClaim', () => {
  test('an access-token claim is a RESOURCE Expression claim, scoped and protected from replacement', () => {
    const json = synthJson((scope) => new SharedGroupsClaim(scope, 'c', { authServerId: 'default', claim }));
    expect(json.resource.okta_auth_server_claim.default_access_groups).toMatchObject({
      auth_server_id: 'default',
      name: 'groups',
      claim_type: 'RESOURCE',
      value_type: 'EXPRESSION',
      value: 'app.profile.groupallowlist == null ? {} : x',
      scopes: ['groups'],
      always_include_in_token: true,
      status: 'ACTIVE',
      lifecycle: { prevent_destroy: true },
    });
  });

  test('an ID-token claim is IDENTITY and may be served from /userinfo only', () => {
    const json = synthJson(
      (scope) =>
        new SharedGroupsClaim(scope, 'c', {
          authServerId: 'default',
          claim: { ...claim, token: 'id', alwaysIncludeInToken: false, scopes: undefined },
        }),
    );
    const resource = json.resource.okta_auth_server_claim.default_id_groups;
    expect(resource).toMatchObject({ claim_type: 'IDENTITY', always_include_in_token: false });
    expect(resource.scopes).toBeUndefined();
  });

  test('claim names Terraform cannot use as IDs get a stable, distinct address', () => {
    expect(claimAddress({ server: 'default', token: 'id', name: 'groups' })).toBe('default_id_groups');
    const dotted = claimAddress({ server: 'default', token: 'id', name: 'acme.groups' });
    const underscored = claimAddress({ server: 'default', token: 'id', name: 'acme_groups' });
    expect(dotted).toMatch(/^default_id_acme_groups_[0-9a-f]{8}$/);
    expect(dotted).not.toBe(underscored);
  });
});

describe('AuthorizationServer', () => {
  test('a server by ID needs no lookup; a managed groups scope is published to all clients', () => {
    const json = synthJson((scope) => {
      const server = new AuthorizationServer(scope, 's', {
        settings: authorizationServerOf('default', { id: 'default', manageGroupsScope: true }),
        environment: 'dev',
      });
      expect(server.serverId).toBe('default');
    });
    expect(json.data).toBeUndefined();
    expect(json.resource.okta_auth_server_scope.default_groups).toMatchObject({
      auth_server_id: 'default',
      name: 'groups',
      metadata_publish: 'ALL_CLIENTS',
    });
  });

  test('a server by name is looked up once', () => {
    const json = synthJson(
      (scope) =>
        new AuthorizationServer(scope, 's', {
          settings: authorizationServerOf('partners', { lookupName: 'Partner API' }),
          environment: 'dev',
        }),
    );
    expect(json.data.okta_auth_server.partners).toMatchObject({ name: 'Partner API' });
    expect(json.resource).toBeUndefined();
  });

  test('declared existing scopes are listed from the server and checked by a postcondition naming the environments file', () => {
    const json = synthJson(
      (scope) =>
        new AuthorizationServer(scope, 's', {
          settings: authorizationServerOf('partners', { lookupName: 'Partner API', existingScopes: ['partner.read'] }),
          environment: 'prod',
        }),
    );
    const lookup = json.data.okta_auth_server_scopes.partners_existing_scopes;
    expect(lookup.auth_server_id).toBe('${data.okta_auth_server.partners.id}');
    const [check] = lookup.lifecycle.postcondition;
    expect(check.condition).toBe('${length([for s in ["partner.read"] : s if !contains(self.scopes[*].name, s)]) == 0}');
    expect(check.error_message).toMatch(
      /^Every scope in environments\.prod\.authorizationServers\.partners\.existingScopes of the environments file \(stacks\/environments\.json\) must exist on authorization server "partners" in Okta, but it has no \$\{join/,
    );
  });
});
