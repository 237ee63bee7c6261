import { FileCheck, FileRule, Finding } from './rule';

const SECRET_METHODS = ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt'];

/**
 * Token endpoint authentication the provider and Okta accept for the app's type:
 * - browser and native apps are public clients here: "none", with PKCE (Okta's "Client
 *   authentication methods": a public client has no secret);
 * - web apps are confidential clients: a secret or a key, never "none";
 * - "private_key_jwt" needs the client's keys: provider 4.20.0 refuses it otherwise
 *   (`validateAppOAuth` in okta/resource_okta_app_oauth.go: "'jwks' or 'jwks_uri' is required
 *   when 'token_endpoint_auth_method' is 'private_key_jwt'"). The file gives `jwksUri`, or every
 *   environment adopts an app whose keys are kept (the project never writes `jwks`).
 */
const check: FileCheck = (app) => {
  const findings: Finding[] = [];
  const method = app.settings.tokenEndpointAuthMethod;
  const path = ['app', 'tokenEndpointAuthMethod'];
  if ((app.type === 'browser' || app.type === 'native') && method !== 'none') {
    findings.push({
      path,
      message: `app.tokenEndpointAuthMethod must be "none" for a ${app.type} app (a public client keeps no secret and uses PKCE), but got "${method}"`,
    });
  }
  if (app.type === 'web' && !SECRET_METHODS.includes(method)) {
    findings.push({
      path,
      message: `app.tokenEndpointAuthMethod must be "client_secret_basic", "client_secret_post", "client_secret_jwt" or "private_key_jwt" for a web app, but got "${method}"`,
    });
  }
  const everyEnvironmentAdopts = app.environments.every((environment) => app.importIds[environment] !== undefined);
  if (method === 'private_key_jwt' && app.settings.jwksUri === undefined && !everyEnvironmentAdopts) {
    findings.push({
      path,
      message:
        'app.jwksUri must be given with "private_key_jwt" (the provider refuses the app without keys), but got none: add the URL of the client\'s public keys, or adopt an existing app with its keys in every environment',
    });
  }
  if (app.settings.jwksUri !== undefined && method !== 'private_key_jwt') {
    findings.push({
      path: ['app', 'jwksUri'],
      message: `app.tokenEndpointAuthMethod must be "private_key_jwt" when app.jwksUri is given, but got "${method}"`,
    });
  }
  if (app.settings.jwksUri !== undefined && !/^https:\/\/[^\s/?#]+[^\s#]*$/.test(app.settings.jwksUri)) {
    findings.push({
      path: ['app', 'jwksUri'],
      message: `app.jwksUri must be an https:// URL, but got ${JSON.stringify(app.settings.jwksUri)}`,
    });
  }
  return findings;
};

export const tokenEndpointAuthFitsType: FileRule = {
  id: 'token-endpoint-auth-fits-type',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Token endpoint authentication fits the app type',
  explanation:
    "Browser and native apps are public clients (`none`, with PKCE); web apps are confidential clients (a secret or a key, never `none`); `private_key_jwt` needs the client's keys (`jwksUri`, or every environment adopts an app whose keys are kept). Okta or the provider refuses anything else.",
  check,
};
