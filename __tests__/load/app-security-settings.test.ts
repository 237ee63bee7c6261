import { allowlist, problemsOf } from '../helpers/fixture';

/**
 * The app's security settings as the schema takes them; the rules on them have their cases in
 * __tests__/rules/ (token-endpoint-auth-fits-type, pkce-fits-client, refresh-token-needs-grant).
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

  test('the schema refuses unknown values and a leeway above 60 seconds', () => {
    expect(messages({ consentMethod: 'IMPLICIT' }).join('\n')).toMatch(/consentMethod/);
    expect(messages({ issuerMode: 'OTHER' }).join('\n')).toMatch(/issuerMode/);
    expect(messages({ tokenEndpointAuthMethod: 'tls_client_auth' }).join('\n')).toMatch(/tokenEndpointAuthMethod/);
    expect(messages({ grantTypes: ['authorization_code', 'refresh_token'], refreshToken: { leewaySeconds: 61 } }).join('\n')).toMatch(
      /leewaySeconds/,
    );
  });
});
