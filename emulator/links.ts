/**
 * `_links` as Okta renders them. Hosts come from the origin the request arrived on, so
 * links work both through the plain-HTTP proxy and through CONNECT/TLS.
 */
import type { JsonObject } from './types';

const allow = (...methods: string[]): JsonObject => ({ allow: methods });

/** Links of an OIDC app; deactivate or activate depending on its status. */
export function appLinks(origin: string, app: JsonObject, accessPolicyId: string | null): JsonObject {
  const self = `${origin}/api/v1/apps/${String(app.id)}`;
  const links: JsonObject = {
    uploadLogo: { href: `${self}/logo`, hints: allow('POST') },
    appLinks: [{ name: 'oidc_client_link', href: `${origin}/home/oidc_client/${String(app.id)}/aln0000000000000000`, type: 'text/html' }],
    policies: { href: `${self}/policies`, hints: allow('PUT') },
    groups: { href: `${self}/groups` },
    clientCredentials: [{ name: 'secrets', href: `${self}/credentials/secrets` }],
    users: { href: `${self}/users` },
  };
  if (accessPolicyId) links.accessPolicy = { href: `${origin}/api/v1/policies/${accessPolicyId}` };
  if (app.status === 'ACTIVE') links.deactivate = { href: `${self}/lifecycle/deactivate` };
  else links.activate = { href: `${self}/lifecycle/activate` };
  return links;
}

/** Links of a group. */
export function groupLinks(origin: string, id: string): JsonObject {
  const self = `${origin}/api/v1/groups/${id}`;
  return { users: { href: `${self}/users` }, apps: { href: `${self}/apps` } };
}

/** Links of an app group assignment. */
export function assignmentLinks(origin: string, appId: string, groupId: string): JsonObject {
  return {
    app: { href: `${origin}/api/v1/apps/${appId}` },
    self: { href: `${origin}/api/v1/apps/${appId}/groups/${groupId}` },
    group: { href: `${origin}/api/v1/groups/${groupId}` },
  };
}

/** Links of an authorization server. */
export function authServerLinks(origin: string, id: string, status: string): JsonObject {
  const self = `${origin}/api/v1/authorizationServers/${id}`;
  const meta = `${origin}/oauth2/${id}/.well-known`;
  return {
    rotateKey: { href: `${self}/credentials/lifecycle/keyRotate`, hints: allow('POST') },
    metadata: [
      { name: 'oauth-authorization-server', href: `${meta}/oauth-authorization-server`, hints: allow('GET') },
      { name: 'openid-configuration', href: `${meta}/openid-configuration`, hints: allow('GET') },
    ],
    keys: { href: `${self}/credentials/keys`, hints: allow('GET') },
    claims: { href: `${self}/claims`, hints: allow('GET', 'POST') },
    policies: { href: `${self}/policies`, hints: allow('GET', 'POST') },
    self: { href: self, hints: allow('GET', 'DELETE', 'PUT') },
    scopes: { href: `${self}/scopes`, hints: allow('GET', 'POST') },
    [status === 'ACTIVE' ? 'deactivate' : 'activate']: {
      href: `${self}/lifecycle/${status === 'ACTIVE' ? 'deactivate' : 'activate'}`,
      hints: allow('POST'),
    },
  };
}

/** Self link of a server sub-object (claim, scope, policy, rule) at `path` under the server. */
export function subObjectLinks(origin: string, serverId: string, path: string): JsonObject {
  return { self: { href: `${origin}/api/v1/authorizationServers/${serverId}/${path}`, hints: allow('GET', 'PUT', 'DELETE') } };
}

/** Links of an org-level (ACCESS_POLICY) policy. */
export function orgPolicyLinks(origin: string, id: string): JsonObject {
  const self = `${origin}/api/v1/policies/${id}`;
  return { self: { href: self, hints: allow('GET', 'PUT') }, rules: { href: `${self}/rules`, hints: allow('GET', 'POST') } };
}
