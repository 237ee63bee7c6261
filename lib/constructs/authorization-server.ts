import { AuthServerScope } from '@cdktf/provider-okta/lib/auth-server-scope';
import { DataOktaAuthServer } from '@cdktf/provider-okta/lib/data-okta-auth-server';
import { DataOktaAuthServerScopes } from '@cdktf/provider-okta/lib/data-okta-auth-server-scopes';
import { Construct } from 'constructs';
import { AuthorizationServerModel } from '../model/environment';
import { expression, hclString, templateText } from './hcl';

export interface AuthorizationServerProps {
  /** How the environments file declares it, under the name allow-list files use. */
  readonly settings: AuthorizationServerModel;
  /** The environment, for messages. */
  readonly environment: string;
}

/**
 * A custom authorization server the repo adds claims to. The server itself is not managed here
 * (other teams' claims and policies live on it); it is referenced by ID, or looked up by name.
 * The scopes the environments file declares as existing are checked against the server at plan
 * time, so a claim is never restricted to a scope that no client can request.
 */
export class AuthorizationServer extends Construct {
  /** The server's ID, literal or from the lookup. */
  readonly serverId: string;
  /** The managed `groups` scope, when the environment manages it. */
  readonly groupsScope?: AuthServerScope;

  constructor(scope: Construct, id: string, props: AuthorizationServerProps) {
    super(scope, id);
    const { settings } = props;
    const { name } = settings;
    this.serverId = serverIdOf(this, settings);
    if (settings.manageGroupsScope) {
      this.groupsScope = new AuthServerScope(this, 'groups-scope', {
        authServerId: this.serverId,
        name: 'groups',
        displayName: 'Groups',
        description: 'Your group memberships that this app is allowed to see.',
        consent: 'IMPLICIT',
        metadataPublish: 'ALL_CLIENTS',
      });
      this.groupsScope.overrideLogicalId(`${name}_groups`);
    }
    if (settings.existingScopes.length > 0) checkExistingScopes(this, props, this.serverId, settings.existingScopes);
  }
}

/**
 * The server's ID: the literal from the environments file, or a lookup by name (one request per
 * plan; `data.okta_auth_server.<name>` in every stack that needs it).
 */
export function serverIdOf(scope: Construct, server: AuthorizationServerModel): string {
  if (server.reference.by === 'id') return templateText(server.reference.id);
  const lookup = new DataOktaAuthServer(scope, 'lookup', { name: templateText(server.reference.lookupName) });
  lookup.overrideLogicalId(server.name);
  return lookup.id;
}

/** Lists the server's scopes (data `okta_auth_server_scopes`) and fails the plan naming each declared scope it lacks. */
function checkExistingScopes(scope: Construct, props: AuthorizationServerProps, serverId: string, existing: readonly string[]): void {
  const { environment } = props;
  const { name } = props.settings;
  const declared = `[${existing.map(hclString).join(', ')}]`;
  const missing = `[for s in ${declared} : s if !contains(self.scopes[*].name, s)]`;
  const lookup = new DataOktaAuthServerScopes(scope, 'existing-scopes', {
    authServerId: serverId,
    lifecycle: {
      postcondition: [
        {
          condition: expression(`length(${missing}) == 0`),
          errorMessage:
            `Every scope in environments.${templateText(environment)}.authorizationServers.${name}.existingScopes of the environments file (stacks/environments.json) ` +
            `must exist on authorization server "${name}" in Okta, but it has no ` +
            expression(`join(", ", ${missing})`) +
            '. Create the scope on the server in the Okta admin console (Security > API > Authorization Servers > Scopes), or set "manageGroupsScope": true for "groups", ' +
            'or remove the scope from existingScopes and from every claim that names it.',
        },
      ],
    },
  });
  lookup.overrideLogicalId(`${name}_existing_scopes`);
}
