import { AuthServerScope } from '@cdktf/provider-okta/lib/auth-server-scope';
import { DataOktaAuthServer } from '@cdktf/provider-okta/lib/data-okta-auth-server';
import { Construct } from 'constructs';
import { AuthorizationServerData } from '../model/environments-file';
import { templateText } from './hcl';

export interface AuthorizationServerProps {
  /** The name allow-list files use for the server. */
  readonly name: string;
  /** How the environments file declares it. */
  readonly settings: AuthorizationServerData;
}

/**
 * A custom authorization server the repo adds claims to. The server itself is not managed here
 * (other teams' claims and policies live on it); it is referenced by ID, or looked up by name.
 */
export class AuthorizationServer extends Construct {
  /** The server's ID, literal or from the lookup. */
  readonly serverId: string;
  /** The managed `groups` scope, when the environment manages it. */
  readonly groupsScope?: AuthServerScope;

  constructor(scope: Construct, id: string, props: AuthorizationServerProps) {
    super(scope, id);
    const { name, settings } = props;
    if (settings.id !== undefined) {
      this.serverId = templateText(settings.id);
    } else {
      const lookup = new DataOktaAuthServer(this, 'lookup', { name: templateText(settings.lookupName ?? name) });
      lookup.overrideLogicalId(name);
      this.serverId = lookup.id;
    }
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
  }
}
