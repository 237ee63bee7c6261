import { Static, Type } from '@sinclair/typebox';
import { EnvironmentName, OWNER_PATTERN } from '../model/allowlist-file';
import { KeyedRecord } from '../model/keyed-record';

/**
 * The shape of `policy.json`, the guardrails the platform team sets for every allow list.
 *
 * Every setting is optional: a rule whose setting is absent checks nothing, so a policy can be
 * adopted one rule at a time. `npm run generate` writes this out as `policy.schema.json`.
 */

const strict = { additionalProperties: false } as const;

const NameList = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { minItems: 1, uniqueItems: true, description });

export const RuleSettings = Type.Object(
  {
    level: Type.Optional(
      Type.Union([Type.Literal('error'), Type.Literal('warning')], {
        description: '"error" fails the check, "warning" is only reported. @default the rule\'s own level',
      }),
    ),
    suppressible: Type.Optional(Type.Boolean({ description: 'false: no allow-list file may suppress this rule. @default true' })),
  },
  strict,
);

export const GroupGrant = Type.Object(
  {
    prefixes: Type.Optional(
      NameList('Group names starting with one of these belong to the team (static lists and "startsWith" dynamic lists).'),
    ),
    groups: Type.Optional(
      NameList(
        'Exact group names or IDs (00g…) the team may allow-list. The only way to allow a group that matches groups.forbidden.patterns.',
      ),
    ),
  },
  strict,
);

export const GroupsPolicy = Type.Object(
  {
    forbidden: Type.Optional(
      Type.Object(
        {
          names: Type.Optional(NameList('Groups no app may ever allow-list, matched ignoring case (e.g. "Everyone").')),
          patterns: Type.Optional(
            NameList(
              'Privileged group names, "*" matching any text, ignoring case (e.g. "*Admin*"). Allowed only when granted by exact name in groups.owners.',
            ),
          ),
        },
        strict,
      ),
    ),
    owners: Type.Optional(
      KeyedRecord(Type.String({ pattern: OWNER_PATTERN, errorMessage: 'a GitHub user or team such as "@acme/payroll"' }), GroupGrant, {
        description:
          'Which groups each owner (as written in allow-list "owners") may allow-list. A file may use a group granted to any of its owners.',
      }),
    ),
    maxPerList: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Most groups one static allow list may name.' })),
  },
  strict,
);

const GrantType = Type.String({ minLength: 1, description: 'An OAuth grant type as written in app.grantTypes.' });

export const AppsPolicy = Type.Object(
  {
    grantTypes: Type.Optional(
      Type.Object(
        {
          web: Type.Optional(Type.Array(GrantType, { uniqueItems: true })),
          native: Type.Optional(Type.Array(GrantType, { uniqueItems: true })),
          browser: Type.Optional(Type.Array(GrantType, { uniqueItems: true })),
          service: Type.Optional(Type.Array(GrantType, { uniqueItems: true })),
        },
        { ...strict, description: 'Grant types allowed per app type; an app type left out may use none.' },
      ),
    ),
    maxPerOwner: Type.Optional(Type.Integer({ minimum: 1, description: 'Most allow-list files one owner may appear in.' })),
  },
  strict,
);

export const ClaimsPolicy = Type.Object(
  {
    names: Type.Optional(NameList('Allowed claim names, "*" matching any text (e.g. "groups", "*_groups").')),
    maxLimit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: 'Highest claim limit (explicit or default) a claim may have.' }),
    ),
  },
  strict,
);

export const EnvironmentPolicy = Type.Object(
  {
    production: Type.Optional(
      Type.Boolean({ description: 'false: http://localhost redirect URIs are allowed for every app type. @default true' }),
    ),
    redirectDomains: Type.Optional(
      NameList(
        'Hosts (and their subdomains) redirect URIs may point to; a native app\'s private-use scheme "com.acme.app" counts as host "app.acme.com".',
      ),
    ),
    servers: Type.Optional(NameList('Authorization servers claims may use in this environment: "org" and/or custom server names.')),
  },
  strict,
);

export const PolicyFile = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    rules: Type.Optional(
      Type.Record(Type.String({ minLength: 1 }), RuleSettings, {
        description: 'Per rule ID (e.g. "OKTA-G2"): change its level or forbid suppressing it.',
      }),
    ),
    groups: Type.Optional(GroupsPolicy),
    apps: Type.Optional(AppsPolicy),
    claims: Type.Optional(ClaimsPolicy),
    environments: Type.Optional(
      KeyedRecord(EnvironmentName, EnvironmentPolicy, { description: 'Per environment of the environments file.' }),
    ),
  },
  { ...strict, title: 'Allow-list guardrails' },
);

export type PolicyFileData = Static<typeof PolicyFile>;
