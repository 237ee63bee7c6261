import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('app-type-fits-grants', () => {
  const app = allowlist().app as Record<string, unknown>;

  test('a service app cannot carry a Groups claim', () => {
    const file = allowlist({ app: { ...app, type: 'service', grantTypes: ['client_credentials'], redirectUris: undefined } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"service"'),
      /^app.type must be "web", "native" or "browser", but got "service": service apps sign in no user/,
    );
  });

  // One case per row of the provider's appRequirementsByType (okta/resource_okta_app_oauth.go),
  // which the provider checks only at apply: each of these used to pass validate.
  const DEVICE = 'urn:ietf:params:oauth:grant-type:device_code';
  test.each([
    ['web', ['implicit'], 'must contain "authorization_code"'],
    ['native', [DEVICE, 'refresh_token'], 'must contain "authorization_code"'],
  ])('a %s app without a required grant: %p', (type, grantTypes, message) => {
    const file = allowlist({ app: { ...app, type, grantTypes } });
    expectProblem(
      { 'a.json': file },
      at(A, file, `[\n      "${grantTypes[0]}"`),
      new RegExp(`^app.grantTypes of a ${type} app ${message} \\(the okta provider refuses the app at apply otherwise\\), but got`),
    );
  });

  test.each([
    ['web', 'password', 'remove it, or use type "native"'],
    ['native', 'client_credentials', 'remove it, or use type "web"'],
    ['browser', 'client_credentials', 'remove it, or use type "web"'],
    ['browser', 'password', 'remove it, or use type "native"'],
  ])('a %s app with the %s grant', (type, grant, fix) => {
    const file = allowlist({ app: { ...app, type, grantTypes: ['authorization_code', grant] } });
    expectProblem(
      { 'a.json': file },
      at(A, file, `"${grant}"`),
      new RegExp(`^app.grantTypes of a ${type} app may only contain .*, but got "${grant}": ${fix}$`),
    );
  });

  test.each([
    [
      'web',
      ['authorization_code', 'implicit', 'refresh_token', 'client_credentials', DEVICE, 'urn:ietf:params:oauth:grant-type:token-exchange'],
    ],
    ['native', ['authorization_code', 'implicit', 'refresh_token', 'password', DEVICE, 'urn:ietf:params:oauth:grant-type:token-exchange']],
    ['browser', ['implicit', 'refresh_token', DEVICE, 'urn:ietf:params:oauth:grant-type:token-exchange']],
  ])('every grant the provider allows a %s app passes', (type, grantTypes) => {
    const settings = type === 'web' ? {} : { tokenEndpointAuthMethod: 'none' };
    expect(problemsOf({ 'a.json': allowlist({ app: { ...app, ...settings, type, grantTypes } }) })).toEqual([]);
  });

  test('authorization code without a redirect URI', () => {
    const file = allowlist({ app: { ...app, redirectUris: undefined } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '{\n    "label"'),
      'app.redirectUris must list at least one URI for "authorization_code" or "implicit", but got none',
    );
  });

  test('refresh tokens without authorization code', () => {
    const file = allowlist({ app: { ...app, grantTypes: ['implicit', 'refresh_token'] } });
    expectProblem({ 'a.json': file }, at(A, file, '[\n      "implicit"'), /^grant "refresh_token" needs "authorization_code"/);
  });
});
