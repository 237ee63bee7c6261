import { allowlist, problemsOf } from '../helpers/fixture';

/**
 * One failing case per rule on the app's security settings (lib/rules/token-endpoint-auth-fits-type.ts,
 * pkce-fits-client.ts, refresh-token-needs-grant.ts) and their schema. Positions are checked in
 * __tests__/load/bad-input.test.ts for every other rule; here the message and line matter.
 */
const app = allowlist().app as Record<string, unknown>;
const problems = (changes: Record<string, unknown>) => problemsOf({ 'a.json': allowlist({ app: { ...app, ...changes } }) });
const messages = (changes: Record<string, unknown>) => problems(changes).map((p) => p.replace(/^allowlists\/a\.json:\d+:\d+: /, ''));

describe('app security settings', () => {
  test('the defaults and every stated value a web app may use are accepted', () => {
    expect(problems({})).toEqual([]);
    for (const method of ['client_secret_basic', 'client_secret_post', 'client_secret_jwt'])
      expect(problems({ tokenEndpointAuthMethod: method })).toEqual([]);
    expect(
      problems({
        tokenEndpointAuthMethod: 'private_key_jwt',
        jwksUri: 'https://a.example.com/keys',
        pkceRequired: false,
        consentMethod: 'REQUIRED',
        issuerMode: 'CUSTOM_URL',
        hideWeb: false,
      }),
    ).toEqual([]);
    expect(
      problems({ grantTypes: ['authorization_code', 'refresh_token'], refreshToken: { rotation: 'ROTATE', leewaySeconds: 60 } }),
    ).toEqual([]);
  });

  test.each(['browser', 'native'])('a %s app must use "none"', (type) => {
    expect(messages({ type, tokenEndpointAuthMethod: 'client_secret_post' })).toEqual([
      `app.tokenEndpointAuthMethod must be "none" for a ${type} app (a public client keeps no secret and uses PKCE), but got "client_secret_post"`,
    ]);
  });

  test('a web app cannot be a public client', () => {
    expect(messages({ tokenEndpointAuthMethod: 'none' })).toEqual([
      'app.tokenEndpointAuthMethod must be "client_secret_basic", "client_secret_post", "client_secret_jwt" or "private_key_jwt" for a web app, but got "none"',
    ]);
  });

  test('private_key_jwt needs keys unless every environment adopts an app that has them', () => {
    expect(messages({ tokenEndpointAuthMethod: 'private_key_jwt' })).toEqual([
      expect.stringMatching(/^app\.jwksUri must be given with "private_key_jwt"/),
    ]);
    expect(
      problemsOf({
        'a.json': allowlist({
          environments: ['prod'],
          app: { ...app, tokenEndpointAuthMethod: 'private_key_jwt', importIds: { prod: '0oa1b2c3d4e5f6g7h8i9' } },
        }),
      }),
    ).toEqual([]);
  });

  test('a JWKS URL needs private_key_jwt and https', () => {
    expect(messages({ jwksUri: 'https://a.example.com/keys' })).toEqual([
      'app.tokenEndpointAuthMethod must be "private_key_jwt" when app.jwksUri is given, but got "client_secret_basic"',
    ]);
    expect(messages({ tokenEndpointAuthMethod: 'private_key_jwt', jwksUri: 'http://a.example.com/keys' })).toEqual([
      'app.jwksUri must be an https:// URL, but got "http://a.example.com/keys"',
    ]);
  });

  test('a public client must require PKCE', () => {
    expect(messages({ type: 'browser', pkceRequired: false })).toEqual([
      'app.pkceRequired must be true for a browser app (a public client proves itself with PKCE only), but got false',
    ]);
  });

  test('refresh-token settings need the refresh_token grant', () => {
    expect(messages({ refreshToken: { rotation: 'ROTATE' } })).toEqual([
      'app.grantTypes must contain "refresh_token" when app.refreshToken is given, but got ["authorization_code"]',
    ]);
  });

  test('the schema refuses unknown values and a leeway above 60 seconds', () => {
    expect(messages({ consentMethod: 'IMPLICIT' }).join('\n')).toMatch(/consentMethod/);
    expect(messages({ issuerMode: 'OTHER' }).join('\n')).toMatch(/issuerMode/);
    expect(messages({ tokenEndpointAuthMethod: 'tls_client_auth' }).join('\n')).toMatch(/tokenEndpointAuthMethod/);
    expect(messages({ grantTypes: ['authorization_code', 'refresh_token'], refreshToken: { leewaySeconds: 61 } }).join('\n')).toMatch(
      /leewaySeconds/,
    );
  });
});
