import { allowlist, problemsOf } from '../helpers/fixture';

const app = allowlist().app as Record<string, unknown>;
const problems = (changes: Record<string, unknown>) => problemsOf({ 'a.json': allowlist({ app: { ...app, ...changes } }) });
const messages = (changes: Record<string, unknown>) => problems(changes).map((p) => p.replace(/^allowlists\/a\.json:\d+:\d+: /, ''));

describe('pkce-fits-client', () => {
  test('a public client requiring PKCE is accepted', () => {
    expect(messages({ type: 'native', tokenEndpointAuthMethod: 'none', pkceRequired: true })).toEqual([]);
  });

  test('a public client must require PKCE', () => {
    expect(messages({ type: 'browser', pkceRequired: false })).toEqual([
      'app.pkceRequired must be true for a browser app (a public client proves itself with PKCE only), but got false',
    ]);
  });
});
