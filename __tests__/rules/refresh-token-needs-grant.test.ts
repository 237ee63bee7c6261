import { allowlist, problemsOf } from '../helpers/fixture';

const app = allowlist().app as Record<string, unknown>;
const problems = (changes: Record<string, unknown>) => problemsOf({ 'a.json': allowlist({ app: { ...app, ...changes } }) });
const messages = (changes: Record<string, unknown>) => problems(changes).map((p) => p.replace(/^allowlists\/a\.json:\d+:\d+: /, ''));

describe('refresh-token-needs-grant', () => {
  test('refresh-token settings with the refresh_token grant are accepted', () => {
    expect(messages({ grantTypes: ['authorization_code', 'refresh_token'], refreshToken: { rotation: 'ROTATE' } })).toEqual([]);
  });

  test('refresh-token settings need the refresh_token grant', () => {
    expect(messages({ refreshToken: { rotation: 'ROTATE' } })).toEqual([
      'app.grantTypes must contain "refresh_token" when app.refreshToken is given, but got ["authorization_code"]',
    ]);
  });
});
