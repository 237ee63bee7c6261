import { AllowlistData, AllowlistFileData, ClaimData } from '../model/allowlist-file';
import { claimIdOf, claimIdText } from '../model/claim-id';
import { isGroupId } from '../okta/group-ids';
import { PROFILE_KEYS } from '../okta/expressions';
import { appSettingsFromOkta } from './app-settings';
import { AuthServer, OidcApp, OktaGroup, OrgGroupsClaim, ServerClaim } from './okta-objects';
import {
  guardedClaimId,
  OWNED_PROFILE_KEYS,
  profileKeysRead,
  recogniseOrgExpression,
  recogniseSharedExpression,
  RecognisedExpression,
} from './recognise-expression';

/** What the org holds besides the app itself, read once per run. */
export interface AdoptionContext {
  readonly environment: string;
  /** Every authorization server of the org, with the name the environments file gives it when it declares it. */
  readonly servers: ReadonlyArray<{ readonly server: AuthServer; readonly declaredAs?: string }>;
  /** The groups the apps' profiles name, by ID. */
  readonly groups: ReadonlyMap<string, OktaGroup>;
  /** Every OIDC app of the org: a hand-made claim that reads a profile key serves all that have it. */
  readonly apps: readonly OidcApp[];
  /** The shared claims (`server/token/name`) the environment's files already ask for, so its shared stack holds them. */
  readonly managedClaims: ReadonlySet<string>;
}

/** An allow-list file without its owners (Okta does not know them), and what it cannot say. */
export interface Adoption {
  /** Undefined when not even a partial file can be written (no claim, no list). */
  readonly file?: Omit<AllowlistFileData, 'owners'>;
  /** Why the file does not describe the app completely; empty when it does. */
  readonly reasons: readonly string[];
}

interface FoundClaim {
  readonly claim: ClaimData;
  readonly expression: RecognisedExpression;
}

/**
 * The allow-list file that describes `app` in Okta exactly, so that its first plan imports it and
 * changes nothing: settings, the allow list from its profile, the org-server groups claim and
 * the project's shared claims that serve it. Everything else that serves it or that the first
 * apply would change is a reason.
 */
export function mapApp(app: OidcApp, orgClaim: OrgGroupsClaim | undefined, context: AdoptionContext): Adoption {
  const { settings, reasons } = appSettingsFromOkta(app, context.environment);
  const found: FoundClaim[] = [];
  if (orgClaim) {
    const org = orgClaimOf(orgClaim);
    if (typeof org === 'string') reasons.push(org);
    else found.push(org);
  }
  const custom = customClaimsOf(app, context);
  reasons.push(...custom.reasons);
  found.push(...custom.found);

  const allowlist = allowlistOf(app, found, context, reasons);
  if (allowlist) reasons.push(...profileDifferences(app, allowlist, found));
  if (found.length === 0) reasons.push('no groups claim serves this app (an allow-list file describes at least one claim)');
  if (!allowlist || found.length === 0) return { reasons };
  return {
    file: { $schema: './schema.json', environments: [context.environment], app: settings, allowlist, claims: found.map((f) => f.claim) },
    reasons,
  };
}

function orgClaimOf(claim: OrgGroupsClaim): FoundClaim | string {
  if (claim.valueType !== 'EXPRESSION') {
    return `the org-server groups claim "${claim.name}" is a FILTER (${claim.groupFilterType ?? '?'} "${claim.value}"): the project writes expression claims only`;
  }
  const expression = recogniseOrgExpression(claim.value);
  if (!expression)
    return `the org-server groups claim "${claim.name}" is ${JSON.stringify(claim.value)}, an expression the project does not generate (it writes getFilteredGroups(app.profile.groupallowlist, "group.name", N) or Groups.startsWith/endsWith/contains("SOURCE", "pattern", N))`;
  const value = expression.kind === 'static' ? { value: expression.value } : {};
  return { claim: { server: 'org', name: claim.name, ...value, limit: expression.limit }, expression };
}

/**
 * The custom-server claims that serve the app: the project's guarded claims its profile opts
 * into, which map to file claims when the environment declares their server and its files
 * already manage them; and hand-made claims reading a profile key the app has, which serve every
 * app with that key and cannot be replaced by the project's claim without changing what those
 * apps receive.
 */
function customClaimsOf(app: OidcApp, context: AdoptionContext): { found: FoundClaim[]; reasons: string[] } {
  const reasons: string[] = [];
  const optIns = stringList(app.profile?.[PROFILE_KEYS.claims]) ?? [];
  // A static shared claim reads the app's own limit from its profile.
  const limit = app.profile?.[PROFILE_KEYS.limit];
  const profileLimit = Number.isInteger(limit) ? (limit as number) : undefined;
  const served = new Map<string, FoundClaim>();
  for (const { server, declaredAs } of context.servers) {
    for (const claim of server.claims.filter((c) => c.active)) {
      const where = `claim "${claim.name}" (${claim.token} token) on authorization server "${server.name}" (${server.id})`;
      const guard = claim.valueType === 'EXPRESSION' ? guardedClaimId(claim.value) : undefined;
      if (guard !== undefined) {
        if (!optIns.includes(guard)) continue;
        const mapped = sharedClaimOf(claim, guard, declaredAs, where, profileLimit, context);
        if (typeof mapped === 'string') reasons.push(mapped);
        else served.set(guard, mapped);
        continue;
      }
      const keys = profileKeysRead(claim.value).filter((k) => app.profile?.[k] !== undefined);
      if (claim.valueType === 'EXPRESSION' && keys.length > 0) reasons.push(handMadeClaimReason(app, claim, where, keys, context));
    }
  }
  // The profile lists them in the order the file's claims give them.
  const found = optIns.flatMap((id) => served.get(id) ?? []);
  return { found, reasons };
}

function sharedClaimOf(
  claim: ServerClaim,
  guard: string,
  declaredAs: string | undefined,
  where: string,
  profileLimit: number | undefined,
  context: AdoptionContext,
): FoundClaim | string {
  if (declaredAs === undefined)
    return `${where} serves this app, but the environments file declares no server for ${context.environment} with that ID or name: declare it under authorizationServers first`;
  const id = claimIdText({ server: declaredAs, token: claim.token, name: claim.name });
  if (id !== guard) return `${where} is guarded for "${guard}", but the project would name it "${id}": it is not the project's claim`;
  const expression = recogniseSharedExpression(claim.value, id);
  if (!expression)
    return `${where} has the project's guard but an expression the project does not generate: ${JSON.stringify(claim.value)}`;
  if (!context.managedClaims.has(id)) {
    return `${where} serves this app but no allow-list file asks for "${id}" yet, so the shared stack does not hold it and would create a second claim of that name (the project does not import claims): bring the claim under management first`;
  }
  const data: ClaimData = {
    server: declaredAs,
    name: claim.name,
    token: claim.token,
    ...(expression.kind === 'static'
      ? { value: expression.value, ...(profileLimit !== undefined ? { limit: profileLimit } : {}) }
      : { limit: expression.limit }),
    ...(claim.scopes.length > 0 ? { scopes: [...claim.scopes] } : {}),
    ...(claim.token === 'id' && !claim.alwaysIncludeInToken ? { alwaysIncludeInToken: false } : {}),
  };
  return { claim: data, expression };
}

function handMadeClaimReason(app: OidcApp, claim: ServerClaim, where: string, keys: readonly string[], context: AdoptionContext): string {
  const others = context.apps.filter((a) => a.id !== app.id && keys.some((k) => a.profile?.[k] !== undefined)).map((a) => `"${a.label}"`);
  const alsoServes =
    others.length > 0
      ? `also every other app with that profile key (${others.slice(0, 5).join(', ')}${others.length > 5 ? `, … ${others.length} in all` : ''})`
      : 'also any app given that profile key later';
  return (
    `${where} reads app.profile.${keys.join(', app.profile.')} without the project's Arrays.contains guard (${JSON.stringify(claim.value)}), so it serves this app and ${alsoServes}. ` +
    "The project's shared claim serves only the apps that list it, so it cannot replace this one without changing what those apps receive, and the project does not import claims: keep the claim by hand (--force-partial writes the file without it) or retire it once every app it serves is managed"
  );
}

/** The file's allow list: the profile's IDs (as unique names where possible) for static claims, the pattern for dynamic ones. */
function allowlistOf(app: OidcApp, found: readonly FoundClaim[], context: AdoptionContext, reasons: string[]): AllowlistData | undefined {
  const kinds = new Set(
    found.map((f) =>
      f.expression.kind === 'static' ? 'static' : `${f.expression.match}\u0000${f.expression.source}\u0000${f.expression.pattern}`,
    ),
  );
  if (kinds.size > 1) {
    reasons.push(
      'the claims serving this app use different allow lists (a static list and a pattern, or two patterns); a file has one allow list',
    );
    return undefined;
  }
  const first = found[0]?.expression;
  if (!first) return undefined;
  if (first.kind === 'dynamic') return { [first.match]: first.pattern, ...(first.source === 'OKTA' ? {} : { source: first.source }) };
  const ids = app.profile?.[PROFILE_KEYS.groups];
  const list = stringList(ids);
  if (!list || list.length === 0 || list.length > 100 || new Set(list).size !== list.length) {
    reasons.push(`profile.${PROFILE_KEYS.groups} is ${JSON.stringify(ids ?? null)}: a static allow list is 1–100 distinct group IDs`);
    return undefined;
  }
  const groups: string[] = [];
  for (const id of list) {
    const group = isGroupId(id) ? context.groups.get(id) : undefined;
    if (!group) {
      reasons.push(
        `profile.${PROFILE_KEYS.groups} names ${JSON.stringify(id)}, which is not a group of this org: the plan would stop on it; remove it from the app's profile first`,
      );
      return undefined;
    }
    groups.push(group.nameIsUnique && isWritableName(group.name) ? group.name : group.id);
  }
  return { groups };
}

/**
 * Names written in place of IDs: unique in the org, without spaces around them, control or
 * invisible characters, and not mistakable for an ID; every other group keeps its ID.
 */
function isWritableName(name: string): boolean {
  return name.trim() === name && !/^00g/.test(name) && name.length <= 255 && /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]+$/u.test(name);
}

/**
 * What the first apply would change in the profile: the project writes only its own keys
 * (the list, and for custom-server claims the limit and the claims asked for).
 */
function profileDifferences(app: OidcApp, allowlist: AllowlistData, found: readonly FoundClaim[]): string[] {
  const custom = found.filter((f) => f.claim.server !== 'org');
  const expected: Record<string, unknown> = {};
  if (allowlist.groups) expected[PROFILE_KEYS.groups] = app.profile?.[PROFILE_KEYS.groups];
  // The project writes the limit of the app's custom-server claims (the list's size by default).
  if (allowlist.groups && custom.length > 0) expected[PROFILE_KEYS.limit] = custom[0].claim.limit ?? allowlist.groups.length;
  if (custom.length > 0) expected[PROFILE_KEYS.claims] = custom.map((f) => claimIdText(claimIdOf(f.claim)));
  const actual = app.profile ?? {};
  const reasons: string[] = [];
  const foreign = Object.keys(actual).filter((k) => !OWNED_PROFILE_KEYS.has(k));
  if (foreign.length > 0)
    reasons.push(
      `profile key(s) ${foreign.join(', ')} are not the project's: the first apply would remove them (the project owns the whole profile)`,
    );
  for (const key of OWNED_PROFILE_KEYS) {
    if (JSON.stringify(actual[key]) !== JSON.stringify(expected[key])) {
      reasons.push(
        `profile.${key} is ${JSON.stringify(actual[key] ?? null)} but the file would write ${JSON.stringify(expected[key] ?? null)}: the first apply would change it`,
      );
    }
  }
  if (app.profile !== undefined && Object.keys(expected).length === 0 && Object.keys(actual).length === 0) {
    reasons.push('the app has an empty profile ({}) and the project writes none for it: the first apply would remove it');
  }
  return reasons;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}
