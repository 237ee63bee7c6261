import { Static, Type } from '@sinclair/typebox';
import { KeyedRecord } from './keyed-record';

/**
 * The shape of one allow-list file (`allowlists/<app-key>.json`).
 *
 * This TypeBox definition is the single source of truth: the loader validates with it and
 * `npm run generate` writes it out as `allowlists/schema.json` for editors. Cross-field rules
 * (limits against list sizes, reserved claim names, servers per environment, …) live in
 * `lib/rules/`, because JSON Schema cannot express them with messages a reader understands.
 */

const strict = { additionalProperties: false } as const;

export const GROUP_ID_PATTERN = '^00g[0-9A-Za-z]{17}$';
export const APP_ID_PATTERN = '^0oa[0-9A-Za-z]{17}$';
/** Environment and shard names: no "--", which separates them in stack names (`prod--payroll`). */
export const ENVIRONMENT_NAME_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
export const SHARD_NAME_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const OWNER_PATTERN = '^@[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?$';

export const EnvironmentName = Type.String({
  pattern: ENVIRONMENT_NAME_PATTERN,
  errorMessage: 'an environment name: lower-case letters, digits and single "-", starting with a letter',
  maxLength: 32,
});

/** An OAuth scope name, as claims name them and servers declare them. */
export const ScopeName = Type.String({
  pattern: '^[A-Za-z0-9_.:/-]{1,100}$',
  errorMessage: 'a scope name such as "groups" (letters, digits, "_", ".", ":", "/", "-")',
});

const ShardName = Type.String({
  pattern: SHARD_NAME_PATTERN,
  maxLength: 40,
  errorMessage: 'a shard name: lower-case letters, digits and single "-"',
});

const GroupReference = Type.String({
  minLength: 1,
  maxLength: 255,
  description: 'An Okta group name, matched exactly (case and spaces included), or a group ID (00g…).',
});

const Pattern = Type.String({
  minLength: 1,
  maxLength: 255,
  description: 'Matched against group names by Okta.',
});

export const Allowlist = Type.Object(
  {
    groups: Type.Optional(
      Type.Array(GroupReference, {
        minItems: 1,
        maxItems: 100,
        uniqueItems: true,
        description: 'Static allow list: the groups whose membership may appear in tokens (at most 100).',
      }),
    ),
    startsWith: Type.Optional({ ...Pattern, description: 'Dynamic allow list: every group whose name starts with this text.' }),
    endsWith: Type.Optional({ ...Pattern, description: 'Dynamic allow list: every group whose name ends with this text.' }),
    contains: Type.Optional({ ...Pattern, description: 'Dynamic allow list: every group whose name contains this text.' }),
    source: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        pattern: '^[A-Za-z0-9_]+$',
        errorMessage: 'a group source such as "OKTA", "active_directory" or an app instance ID (letters, digits, _)',
        description: 'Dynamic lists only: the group source, "OKTA" (default), "active_directory" or an app instance ID.',
      }),
    ),
  },
  { ...strict, description: 'Either "groups" (static) or one of "startsWith", "endsWith", "contains" (dynamic).' },
);

export const Claim = Type.Object(
  {
    server: Type.String({
      minLength: 1,
      description: '"org" for the Org authorization server, or the name of a custom authorization server declared for the environment.',
    }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Claim name in the token. @default "groups"' })),
    token: Type.Optional(
      Type.Union([Type.Literal('id'), Type.Literal('access')], {
        description: 'Which token carries the claim; the org server supports "id" only. @default "id"',
      }),
    ),
    value: Type.Optional(
      Type.Union([Type.Literal('name'), Type.Literal('id')], {
        description: 'Emit group names or group IDs. @default "name"',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({
        description: 'Most groups a token may carry; Okta refuses the token above it. @default the list size (static), 100 (dynamic)',
      }),
    ),
    scopes: Type.Optional(
      Type.Array(ScopeName, {
        minItems: 1,
        uniqueItems: true,
        description: 'Custom servers only: include the claim only when one of these scopes is requested.',
      }),
    ),
    alwaysIncludeInToken: Type.Optional(
      Type.Boolean({
        description:
          'Custom servers, ID token only: false leaves the claim out of ID tokens returned with an access token (authorization code flow); clients then read it from /userinfo. @default true',
      }),
    ),
  },
  strict,
);

/**
 * Who may sign in: the groups assigned to the app (okta_app_group_assignments). Okta lets only
 * assigned users sign in to an OIDC app; the allow list only decides what the token says.
 */
export const Assignments = Type.Object(
  {
    groups: Type.Optional(
      Type.Array(GroupReference, {
        minItems: 1,
        maxItems: 100,
        uniqueItems: true,
        description:
          'Exactly these groups are assigned to the app (names matched exactly, or IDs 00g…); any other assignment is removed, and the PR summary names each removal.',
      }),
    ),
    fromAllowlist: Type.Optional(
      Type.Literal(true, { description: 'Assign exactly the groups of the static allow list (allowlist.groups).' }),
    ),
  },
  { ...strict, description: 'Either "groups" or "fromAllowlist": true. Left out, the app\'s assignments are not managed here.' },
);

export const RetireMode = Type.Union([Type.Literal('destroy'), Type.Literal('forget')]);

export const AppSettings = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 100, description: 'The app name shown in Okta.' }),
    type: Type.Union([Type.Literal('web'), Type.Literal('native'), Type.Literal('browser'), Type.Literal('service')], {
      description: 'OIDC application type.',
    }),
    redirectUris: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true })),
    postLogoutRedirectUris: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true })),
    grantTypes: Type.Array(
      Type.Union([
        Type.Literal('authorization_code'),
        Type.Literal('refresh_token'),
        Type.Literal('implicit'),
        Type.Literal('client_credentials'),
        Type.Literal('password'),
        Type.Literal('urn:ietf:params:oauth:grant-type:device_code'),
        Type.Literal('urn:ietf:params:oauth:grant-type:token-exchange'),
      ]),
      { minItems: 1, uniqueItems: true },
    ),
    importIds: Type.Optional(
      KeyedRecord(
        EnvironmentName,
        Type.String({ pattern: APP_ID_PATTERN, errorMessage: 'an Okta app ID: "0oa" followed by 17 letters or digits' }),
        {
          description: 'Adopt an existing Okta app (ID 0oa…) per environment instead of creating a new one.',
        },
      ),
    ),
    // Security and dashboard settings: always written to Terraform (see docs/okta-semantics.md,
    // "What an adopted app keeps"), so an adopted app whose settings differ shows the change.
    pkceRequired: Type.Optional(
      Type.Boolean({ description: 'Require PKCE for the authorization-code flow. Browser and native apps must keep true. @default true' }),
    ),
    tokenEndpointAuthMethod: Type.Optional(
      Type.Union(
        [
          Type.Literal('client_secret_basic'),
          Type.Literal('client_secret_post'),
          Type.Literal('client_secret_jwt'),
          Type.Literal('private_key_jwt'),
          Type.Literal('none'),
        ],
        {
          description:
            'How the client authenticates at the token endpoint. Web apps: any but "none"; browser and native apps: "none". @default "client_secret_basic" (web), "none" (browser, native)',
        },
      ),
    ),
    jwksUri: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1024,
        description: 'With "private_key_jwt": the URL of the client\'s public keys. Left out, an adopted app keeps the keys it has.',
      }),
    ),
    consentMethod: Type.Optional(
      Type.Union([Type.Literal('TRUSTED'), Type.Literal('REQUIRED')], {
        description: 'Whether users must consent to the scopes the app asks for. @default "TRUSTED"',
      }),
    ),
    issuerMode: Type.Optional(
      Type.Union([Type.Literal('ORG_URL'), Type.Literal('CUSTOM_URL'), Type.Literal('DYNAMIC')], {
        description: 'Which domain Okta puts in the tokens\' issuer. @default "ORG_URL"',
      }),
    ),
    refreshToken: Type.Optional(
      Type.Object(
        {
          rotation: Type.Optional(
            Type.Union([Type.Literal('STATIC'), Type.Literal('ROTATE')], {
              description: 'Keep one refresh token, or issue a new one at every use. @default "STATIC"',
            }),
          ),
          leewaySeconds: Type.Optional(
            Type.Integer({
              minimum: 0,
              maximum: 60,
              description: 'With "ROTATE": how long the previous token stays valid, 0–60 seconds. @default 0',
            }),
          ),
        },
        { ...strict, description: 'Only with the "refresh_token" grant.' },
      ),
    ),
    hideWeb: Type.Optional(Type.Boolean({ description: "Hide the app's tile on the Okta End-User Dashboard. @default true" })),
    hideIos: Type.Optional(Type.Boolean({ description: "Hide the app's tile in the Okta mobile app. @default true" })),
  },
  strict,
);

export const Suppression = Type.Object(
  {
    rule: Type.String({
      minLength: 1,
      description: 'ID of the policy rule to silence for this file, e.g. "OKTA-G2" (see docs/policy.md).',
    }),
    reason: Type.String({
      pattern: '^\\s*(?:\\S\\s*){10,}$',
      errorMessage: 'a reason of at least 10 characters besides spaces that tells reviewers why the rule does not apply to this app',
      description: 'Why the rule does not apply to this app; shown to reviewers in the PR summary.',
    }),
  },
  strict,
);

export const AllowlistFile = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    owners: Type.Array(Type.String({ pattern: OWNER_PATTERN, errorMessage: 'a GitHub user or team such as "@acme/payroll"' }), {
      minItems: 1,
      uniqueItems: true,
      description: 'GitHub users or teams (@org/team) who own this app and review its changes.',
    }),
    environments: Type.Optional(
      Type.Array(EnvironmentName, {
        minItems: 1,
        uniqueItems: true,
        description: 'Environments the app exists in. @default every environment',
      }),
    ),
    app: AppSettings,
    allowlist: Allowlist,
    claims: Type.Array(Claim, { minItems: 1, description: 'The Groups claims that read the allow list.' }),
    assignments: Type.Optional(Assignments),
    previousKeys: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        minItems: 1,
        uniqueItems: true,
        description: 'Earlier file names (without .json) of this app: renames it in place instead of replacing it.',
      }),
    ),
    shard: Type.Optional({
      ...ShardName,
      description:
        'The Terraform state (shard) that holds this app in every environment. @default the team of the first owner ("@acme/payroll" → "payroll")',
    }),
    previousShard: Type.Optional({
      ...ShardName,
      description: 'Moves the app from this shard to its current one without recreating it (see "Shards" in the README).',
    }),
    retire: Type.Optional(
      KeyedRecord(EnvironmentName, RetireMode, {
        description: 'Per environment: "destroy" deletes the Okta app, "forget" stops managing it and leaves it in Okta.',
      }),
    ),
    suppressions: Type.Optional(
      Type.Array(Suppression, {
        minItems: 1,
        description: 'Policy rules this file is exempt from, each with the reason; reviewers see them in the PR summary.',
      }),
    ),
  },
  { ...strict, title: 'Okta Groups claim allow list' },
);

export type AllowlistFileData = Static<typeof AllowlistFile>;
export type ClaimData = Static<typeof Claim>;
export type AllowlistData = Static<typeof Allowlist>;
export type RetireModeData = Static<typeof RetireMode>;
export type AssignmentsData = Static<typeof Assignments>;
export type SuppressionData = Static<typeof Suppression>;
