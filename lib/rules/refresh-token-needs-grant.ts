import { FileCheck, FileRule } from './rule';

/**
 * Refresh-token rotation only means something with the refresh_token grant, and provider 4.20.0
 * sends it only then (`buildAppOAuth` in okta/resource_okta_app_oauth.go sets
 * `settings.oauthClient.refresh_token` only when the grants contain refresh_token).
 */
const check: FileCheck = (app) =>
  app.sources.refreshToken.given && !app.grantTypes.includes('refresh_token')
    ? [
        {
          path: app.sources.refreshToken.path,
          message: `app.grantTypes must contain "refresh_token" when app.refreshToken is given, but got ${JSON.stringify(app.grantTypes)}`,
        },
      ]
    : [];

export const refreshTokenNeedsGrant: FileRule = {
  id: 'refresh-token-needs-grant',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Refresh-token settings need the grant',
  explanation:
    'Refresh-token rotation means something only with the `refresh_token` grant, and the provider sends it only then: without the grant the setting would be silently dropped.',
  check,
};
