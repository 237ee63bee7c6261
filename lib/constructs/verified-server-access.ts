import { DataOktaAuthServerPolicy } from '@cdktf/provider-okta/lib/data-okta-auth-server-policy';
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { ServerAccessPlan } from '../plan/server-access';
import { expression, hclString, templateText } from './hcl';

export interface VerifiedServerAccessProps {
  /** The custom authorization server's ID. */
  readonly authServerId: string;
  /** The server's access plan (mode "verified"). */
  readonly access: ServerAccessPlan;
  /** This stack's apps that ask the server for claims: key → HCL reference of their OAuth client ID. */
  readonly clientIds: Readonly<Record<string, string>>;
  /** Files of those apps, by key, for the message. */
  readonly files: Readonly<Record<string, string>>;
  readonly environment: string;
}

/**
 * Checks that one of the named access policies of a server admits each of this stack's apps
 * that ask the server for claims: its client list (`assigned_clients` of data
 * `okta_auth_server_policy`) holds `ALL_CLIENTS` or the app's client ID. Existing apps are
 * checked by the plan; an app created by this apply has no client ID before it exists, so
 * Terraform checks it during the apply (an output precondition whose value is unknown at plan
 * time is evaluated at apply) and the apply fails with the same message.
 */
export class VerifiedServerAccess extends Construct {
  constructor(scope: Construct, id: string, props: VerifiedServerAccessProps) {
    super(scope, id);
    const { access } = props;
    const policies = access.checkPolicies.map((name, index) => {
      const lookup = new DataOktaAuthServerPolicy(this, `policy-${index}`, { authServerId: props.authServerId, name: templateText(name) });
      lookup.overrideLogicalId(`${access.server}_access_${index}`);
      return `data.okta_auth_server_policy.${access.server}_access_${index}`;
    });
    const seen = `[${policies.join(', ')}]`;
    const admitted = (client: string) =>
      `anytrue([for p in ${seen} : contains(p.assigned_clients, "ALL_CLIENTS") || contains(p.assigned_clients, ${client})])`;
    const apps = `{ ${Object.entries(props.clientIds)
      .map(([key, ref]) => `${hclString(key)} = ${ref}`)
      .join(', ')} }`;
    const files = `{ ${Object.entries(props.files)
      .map(([key, file]) => `${hclString(key)} = ${hclString(file)}`)
      .join(', ')} }`;
    const output = new TerraformOutput(this, 'admitted', {
      value: props.clientIds,
      description: `Client IDs of the apps that ask server "${access.server}" for claims, each admitted by one of its checked access policies.`,
    });
    output.overrideLogicalId(`${access.server}_access_verified`);
    // cdktf 0.21 accepts an output precondition but never writes it, hence the override.
    output.addOverride('precondition', {
      condition: expression(`alltrue([for key, client in ${apps} : ${admitted('client')}])`),
      error_message:
        `Every app that asks authorization server "${access.server}" for claims in environment "${templateText(props.environment)}" must be admitted by one of its access policies ` +
        `${access.checkPolicies.map((p) => `"${templateText(p)}"`).join(', ')} (access mode "verified" in stacks/environments.json), but ` +
        expression(`join("; ", [for key, client in ${apps} : format("%s (client %s)", ${files}[key], client) if !${admitted('client')}])`) +
        ' is not: Okta issues such an app no token from this server, so it never receives the claim. The policies seen: ' +
        expression(`join("; ", [for p in ${seen} : format("%q admits %s", p.name, join(", ", sort(p.assigned_clients)))])`) +
        '. Add the client ID to one of these policies in the Okta admin console (Security > API > Authorization Servers > Access Policies), or set the server\'s access mode to "managed".',
    });
  }
}
