import { FileCheck, FileRule } from './rule';

/**
 * A public client (token endpoint auth "none") must require PKCE: it has no secret, so PKCE is
 * all that proves the code's redeemer. Provider 4.20.0 says so in `buildAppOAuth`
 * (okta/resource_okta_app_oauth.go): "'pkce_required' must be set to true when
 * 'token_endpoint_auth_method' is none". See docs/okta-semantics.md.
 */
const check: FileCheck = (app) =>
  app.settings.tokenEndpointAuthMethod === 'none' && !app.settings.pkceRequired
    ? [
        {
          path: ['app', 'pkceRequired'],
          message: `app.pkceRequired must be true for a ${app.type} app (a public client proves itself with PKCE only), but got false`,
        },
      ]
    : [];

export const pkceFitsClient: FileRule = {
  id: 'pkce-fits-client',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Public clients require PKCE',
  explanation:
    'A public client (token endpoint authentication `none`) has no secret, so PKCE is all that proves who redeems the sign-in code. The okta provider refuses it otherwise.',
  check,
};
