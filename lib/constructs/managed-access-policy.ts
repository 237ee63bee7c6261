import { AuthServerPolicy } from '@cdktf/provider-okta/lib/auth-server-policy';
import { AuthServerPolicyRule } from '@cdktf/provider-okta/lib/auth-server-policy-rule';
import { ITerraformDependable, TerraformLocal } from 'cdktf';
import { Construct } from 'constructs';
import { ServerAccessPlan } from '../plan/server-access';
import { expression, templateText } from './hcl';

export interface ManagedAccessPolicyProps {
  /** The custom authorization server's ID. */
  readonly authServerId: string;
  /** The server's access plan (mode "managed"). */
  readonly access: ServerAccessPlan;
  /** HCL list of the OAuth client IDs of the apps that already exist (new apps have none yet). */
  readonly clientIds: string;
  /** Resources the rule needs first: the managed scopes it lists. @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The one access policy this repository owns on a server, admitting exactly the apps whose files
 * ask the server for claims, with one rule for their grants and scopes. It holds no client this
 * repository does not manage, and no other policy is touched, so nobody else's access changes.
 * Okta needs at least one client in a policy, so the policy exists once at least one of its apps
 * does (a new app is admitted by the apply after the one that creates it); `prevent_destroy`
 * turns an empty list later (say, an unreadable shard state) into a failed plan instead of
 * every app losing its tokens.
 */
export class ManagedAccessPolicy extends Construct {
  constructor(scope: Construct, id: string, props: ManagedAccessPolicyProps) {
    super(scope, id);
    const { access } = props;
    const address = `${access.server}_access`;
    const clients = new TerraformLocal(this, 'clients', expression(props.clientIds));
    clients.overrideLogicalId(`${address}_clients`);
    const count = expression(`length(local.${address}_clients) > 0 ? 1 : 0`);

    // okta/resource_okta_auth_server_policy.go: name, description, priority and client_whitelist are required.
    const policy = new AuthServerPolicy(this, 'policy', {
      authServerId: props.authServerId,
      name: templateText(access.policyName),
      description: `Managed by the Okta allow-list repository: admits exactly the apps whose allow-list files ask server "${access.server}" for claims.`,
      priority: access.priority,
      status: 'ACTIVE',
      clientWhitelist: [],
      lifecycle: { preventDestroy: true },
    });
    policy.overrideLogicalId(address);
    policy.addOverride('client_whitelist', expression(`local.${address}_clients`));
    policy.addOverride('count', count);

    const rule = new AuthServerPolicyRule(this, 'rule', {
      authServerId: props.authServerId,
      policyId: expression(`okta_auth_server_policy.${address}[0].id`),
      name: templateText(access.policyName),
      priority: 1,
      status: 'ACTIVE',
      grantTypeWhitelist: [...access.grantTypes],
      scopeWhitelist: [...access.scopes],
      // Who may sign in to an app is its assignments' business; the rule admits the app's users.
      groupWhitelist: ['EVERYONE'],
      dependsOn: props.dependsOn,
    });
    rule.overrideLogicalId(address);
    rule.addOverride('count', count);
  }
}
