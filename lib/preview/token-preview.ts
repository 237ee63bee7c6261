import { EnvironmentPlan, PlannedApp } from '../plan/environment-plan';
import { appProfileOf } from './app-profile';
import { ClaimEvaluationError, EmittedGroup, evaluate, EvaluationContext, Membership, UnsupportedExpressionError, Value } from './evaluate';
import { parseExpression } from './expression-language';
import { serverAccessStatus, ServerAccessStatus } from '../plan/access-status';
import { SignIn, signInOf } from './sign-in';
import { IdTokenFlow, idTokenFlows } from '../okta/id-token-delivery';

/** What a claim holds for one user: a value, nothing (Okta leaves empty claims out), or Okta's error. */
export type ClaimOutcome =
  | { readonly kind: 'value'; readonly groups: readonly EmittedGroup[] }
  | { readonly kind: 'absent' }
  | { readonly kind: 'error'; readonly message: string };

/** Scopes a client must request for the claim to appear. */
export interface RequiredScopes {
  /** Every one of these. */
  readonly all: readonly string[];
  /** At least one of these, when the claim is restricted to scopes. @default - no restriction */
  readonly oneOf?: readonly string[];
}

export interface ClaimPreview {
  /** "org", or the custom authorization server's name in the environments file. */
  readonly server: string;
  /** Base URL of the server's OAuth 2.0 endpoints. */
  readonly endpoint: string;
  readonly token: 'id' | 'access';
  readonly claim: string;
  /** The Okta expression, exactly as synthesis writes it. */
  readonly expression: string;
  readonly scopes: RequiredScopes;
  /**
   * ID-token claims only: per flow the app's grants allow, whether its clients find the claim in
   * the ID token or only at /userinfo (Okta returns a thin ID token beside an access token).
   */
  readonly delivery?: readonly IdTokenFlow[];
  /** Apps whose files ask for this claim; on a custom server it serves every app regardless. */
  readonly requestedBy: readonly string[];
  /** The outcome if Okta compares `Groups.*` patterns case-sensitively (or the only outcome). */
  readonly outcome: ClaimOutcome;
  /** Set when the outcome differs if Okta ignores case in `Groups.*` patterns: unverified either way. */
  readonly outcomeIfCaseIgnored?: ClaimOutcome;
}

export interface AppPreview {
  readonly environment: string;
  readonly app: string;
  /** The memberships evaluated, as given. */
  readonly memberships: readonly string[];
  /** Whether the user may sign in to the app at all: only users assigned to it get tokens. */
  readonly signIn: SignIn;
  readonly claims: readonly ClaimPreview[];
  /**
   * Per custom server the app asks for claims: can it get tokens there at all (access policies
   * come before claims)? Offline, with no state: an existing app is assumed.
   */
  readonly access: readonly ServerAccessStatus[];
  /** What preview could not decide offline. */
  readonly notes: readonly string[];
}

interface ClaimDefinition {
  readonly server: string;
  readonly token: 'id' | 'access';
  readonly name: string;
  readonly expression: string;
  readonly scopes: RequiredScopes;
  /** The claim's alwaysIncludeInToken; the org server's app-level claim has no such setting. */
  readonly alwaysInToken: boolean;
  readonly requestedBy: readonly string[];
}

/**
 * Every claim the app's tokens can carry in the environment: its org-server claim, and every
 * claim on the custom servers, because Okta evaluates those for whichever app asks.
 */
export function previewApp(plan: EnvironmentPlan, planned: PlannedApp, memberships: readonly Membership[]): AppPreview {
  const profile = appProfileOf(planned);
  const notes: string[] = [];
  const claims = claimDefinitions(plan, planned).map((definition): ClaimPreview => {
    const context = { appProfile: profile, memberships, claimName: definition.name, notes };
    const outcome = outcomeOf(definition, { ...context, ignoreCase: false });
    const ifCaseIgnored = outcomeOf(definition, { ...context, ignoreCase: true });
    return {
      server: definition.server,
      endpoint: endpointOf(plan, definition.server),
      token: definition.token,
      claim: definition.name,
      expression: definition.expression,
      scopes: definition.scopes,
      ...(definition.token === 'id' && { delivery: idTokenFlows(planned.app.grantTypes, definition.alwaysInToken) }),
      requestedBy: definition.requestedBy,
      outcome,
      ...(JSON.stringify(ifCaseIgnored) !== JSON.stringify(outcome) && { outcomeIfCaseIgnored: ifCaseIgnored }),
    };
  });
  const access = serverAccessStatus(plan.settings, planned.app.claims, 'unknown');
  return {
    environment: plan.name,
    app: planned.app.key,
    memberships: memberships.map((m) => m.reference),
    signIn: signInOf(planned, memberships),
    claims,
    access,
    notes: [...new Set(notes)],
  };
}

function claimDefinitions(plan: EnvironmentPlan, planned: PlannedApp): ClaimDefinition[] {
  const org: ClaimDefinition[] = planned.orgClaim
    ? [
        {
          server: 'org',
          token: 'id',
          name: planned.orgClaim.name,
          expression: planned.orgClaim.expression,
          scopes: { all: ['openid', 'groups'] },
          alwaysInToken: false,
          requestedBy: [planned.app.key],
        },
      ]
    : [];
  const custom = plan.sharedClaims.map((claim): ClaimDefinition => ({
    server: claim.server,
    token: claim.token,
    name: claim.name,
    expression: claim.expression,
    scopes: { all: claim.token === 'id' ? ['openid'] : [], ...(claim.scopes && { oneOf: claim.scopes }) },
    alwaysInToken: claim.alwaysIncludeInToken,
    requestedBy: claim.apps,
  }));
  return [...org, ...custom];
}

function outcomeOf(definition: ClaimDefinition, context: EvaluationContext): ClaimOutcome {
  const expression = parseExpression(definition.expression);
  let value: Value;
  try {
    value = evaluate(expression, context);
  } catch (error) {
    if (error instanceof ClaimEvaluationError) return { kind: 'error', message: error.message };
    throw error;
  }
  if (value === null) return { kind: 'absent' };
  if (!Array.isArray(value) || !value.every(isEmittedGroup)) {
    throw new UnsupportedExpressionError(
      `claim "${definition.name}" on server "${definition.server}", which yields ${JSON.stringify(value)} instead of groups`,
    );
  }
  return value.length === 0 ? { kind: 'absent' } : { kind: 'value', groups: value };
}

function isEmittedGroup(value: unknown): value is EmittedGroup {
  return typeof value === 'object' && value !== null && 'attribute' in value;
}

function endpointOf(plan: EnvironmentPlan, server: string): string {
  const org = `https://${plan.settings.orgName}.${plan.settings.baseUrl}`;
  if (server === 'org') return `${org}/oauth2/v1`;
  const { reference } = plan.settings.servers.get(server)!;
  const id = reference.by === 'id' ? reference.id : `{ID of server "${reference.lookupName}"}`;
  return `${org}/oauth2/${id}/v1`;
}

/** One claim that carries the group, found by the reverse query. */
export interface GroupCarrier {
  readonly environment: string;
  readonly app: string;
  readonly claim: ClaimPreview;
}

/** Which apps, servers, tokens and claims would carry a group, for a user holding only it. */
export function carriersOf(plans: readonly EnvironmentPlan[], membership: Membership): { carriers: GroupCarrier[]; notes: string[] } {
  const carriers: GroupCarrier[] = [];
  const notes = new Set<string>();
  for (const plan of plans) {
    for (const planned of plan.apps) {
      const preview = previewApp(plan, planned, [membership]);
      preview.notes.forEach((note) => notes.add(note));
      for (const claim of preview.claims) {
        if (claim.outcome.kind !== 'absent') carriers.push({ environment: plan.name, app: planned.app.key, claim });
      }
    }
  }
  return { carriers, notes: [...notes] };
}
