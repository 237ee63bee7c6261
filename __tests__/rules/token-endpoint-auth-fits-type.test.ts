import { allowlist, problemsOf } from '../helpers/fixture';

const app = allowlist().app as Record<string, unknown>;
const problems = (changes: Record<string, unknown>) => problemsOf({ 'a.json': allowlist({ app: { ...app, ...changes } }) });
const messages = (changes: Record<string, unknown>) => problems(changes).map((p) => p.replace(/^allowlists\/a\.json:\d+:\d+: /, ''));

describe('token-endpoint-auth-fits-type', () => {
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
});
