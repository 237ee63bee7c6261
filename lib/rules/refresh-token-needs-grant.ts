import { FileRule } from './rule';

/**
 * Refresh-token rotation only means something with the refresh_token grant, and provider 4.20.0
 * sends it only then (`buildAppOAuth` in okta/resource_okta_app_oauth.go sets
 * `settings.oauthClient.refresh_token` only when the grants contain refresh_token).
 */
export const refreshTokenNeedsGrant: FileRule = (app) =>
  app.data.app.refreshToken !== undefined && !app.grantTypes.includes('refresh_token')
    ? [
        {
          path: ['app', 'refreshToken'],
          message: `app.grantTypes must contain "refresh_token" when app.refreshToken is given, but got ${JSON.stringify(app.grantTypes)}`,
        },
      ]
    : [];
