import { idTokenFlows } from '../../lib/okta/id-token-delivery';

const DEVICE_CODE = 'urn:ietf:params:oauth:grant-type:device_code';

describe('idTokenFlows: where a client finds an ID-token Groups claim', () => {
  test('the authorization-code ID token comes beside an access token: thin, so the org claim is only at /userinfo', () => {
    expect(idTokenFlows(['authorization_code'], false)).toEqual([{ flow: 'authorization_code', place: 'userinfo' }]);
  });

  test('implicit: the ID token alone is fat and holds the claim; with an access token it is thin', () => {
    expect(idTokenFlows(['implicit'], false)).toEqual([
      { flow: 'implicit (response_type=id_token)', place: 'id-token' },
      { flow: 'implicit (response_type=id_token token)', place: 'userinfo' },
    ]);
  });

  test('"Always" (alwaysIncludeInToken true) puts the claim in every ID token, undocumented grants included', () => {
    const flows = idTokenFlows(['authorization_code', 'implicit', 'password', 'refresh_token', DEVICE_CODE], true);
    expect(flows.map((f) => f.place)).toEqual(Array(flows.length).fill('id-token'));
  });

  test('refresh token and device code are unverified without "Always"; client_credentials has no ID token', () => {
    expect(idTokenFlows(['authorization_code', 'refresh_token', DEVICE_CODE, 'client_credentials'], false)).toEqual([
      { flow: 'authorization_code', place: 'userinfo' },
      { flow: 'refresh_token', place: 'unverified' },
      { flow: 'device code', place: 'unverified' },
    ]);
  });
});
