import { EmittedGroup } from './evaluate';
import { SignIn } from './sign-in';
import { AppPreview, ClaimOutcome, ClaimPreview, GroupCarrier } from './token-preview';

export const OFFLINE_NOTE = 'Preview matches groups by the name or ID written in the allow lists: it cannot look groups up in Okta.';

/** A readable report of one app in one environment. */
export function formatAppPreview(preview: AppPreview): string[] {
  const who = preview.memberships.length > 0 ? `a user in ${preview.memberships.map(quote).join(', ')}` : 'a user in no group';
  const lines = [`${preview.app} in ${preview.environment}, for ${who}:`, `  may sign in: ${signInText(preview.signIn)}`];
  if (preview.claims.length === 0) lines.push('  no Groups claim reaches this app here.');
  for (const claim of preview.claims) {
    // Okta evaluates every claim of a server for every app that asks it for a token; ours
    // yield nothing for apps whose profile does not list them (groupallowlistclaims).
    if (!claim.requestedBy.includes(preview.app)) {
      lines.push(
        `  ${where(claim)}`,
        `    ${claim.claim} is left out: ${preview.app} did not ask for it (asked for by ${claim.requestedBy.join(', ')}; it serves only the apps whose profile lists it)`,
      );
      continue;
    }
    lines.push(`  ${where(claim)}`, ...[...outcomeLines(claim), ...deliveryLines(claim)].map((line) => `    ${line}`));
  }
  // Okta evaluates a server's access policies before any claim: without one admitting the app, no token at all.
  for (const status of preview.access) lines.push(`  can get tokens from server "${status.server}": ${status.text}`);
  return [...lines, ...notesText(preview.notes)];
}

/** A readable report of the reverse query. */
export function formatCarriers(
  group: string,
  environments: readonly string[],
  carriers: readonly GroupCarrier[],
  notes: readonly string[],
): string[] {
  const scope = environments.join(', ');
  if (carriers.length === 0) return [`No token of any app managed here carries ${quote(group)} in ${scope}.`, ...notesText(notes)];
  const lines = [`${quote(group)} would be carried, in ${scope}, by:`];
  for (const { environment, app, claim } of carriers) {
    const declared = claim.requestedBy.includes(app) ? '' : ` (shared claim asked for by ${claim.requestedBy.join(', ')})`;
    const [first, ...rest] = outcomeLines(claim);
    lines.push(`  ${environment} ${app}: ${where(claim)}`, `    ${first}${declared}`, ...rest.map((line) => `    ${line}`));
  }
  const unmanaged =
    'Other apps on these custom servers, managed here or not, get nothing from these claims: each serves only the apps whose profile lists it.';
  return [...lines, ...notesText([unmanaged, ...notes])];
}

/** Okta issues tokens only to assigned users, so the claims below matter only after a "yes". */
function signInText(signIn: SignIn): string {
  if (signIn.kind === 'yes') return `yes (assigned through ${signIn.via.map(quote).join(', ')})`;
  if (signIn.kind === 'no')
    return `no: the app is assigned only to ${signIn.assigned.map(quote).join(', ')}, so Okta refuses the sign-in and issues no token`;
  return `unknown: ${signIn.reason}`;
}

function where(claim: ClaimPreview): string {
  const token = claim.token === 'id' ? 'ID token' : 'access token';
  return `${claim.server} server ${token}, ${claim.endpoint}, request ${scopesText(claim)}:`;
}

const PLACE_TEXT = {
  'id-token': 'in the ID token',
  userinfo: 'only from /userinfo (the ID token returned beside an access token is thin)',
  unverified: 'in the ID token or only from /userinfo (unverified: no Okta document places this flow, see docs/preview.md)',
} as const;

/** Where the app's clients find an ID-token claim, one line per place, naming the flows. */
function deliveryLines(claim: ClaimPreview): string[] {
  if (!claim.delivery) return [];
  return (['id-token', 'userinfo', 'unverified'] as const).flatMap((place) => {
    const flows = claim.delivery!.filter((f) => f.place === place).map((f) => f.flow);
    return flows.length > 0 ? [`${PLACE_TEXT[place]}: ${flows.join(', ')}`] : [];
  });
}

function scopesText({ scopes }: ClaimPreview): string {
  const parts = [
    ...(scopes.all.length > 0 ? [`scope${scopes.all.length > 1 ? 's' : ''} ${scopes.all.join(' ')}`] : []),
    ...(scopes.oneOf ? [`one of ${scopes.oneOf.join(', ')}`] : []),
  ];
  return parts.length > 0 ? parts.join(' and ') : 'any scope';
}

/**
 * The claim's outcome; both outcomes when it depends on whether Okta ignores case in `Groups.*`
 * patterns, which no Okta source settles (docs/preview.md).
 */
function outcomeLines(claim: ClaimPreview): string[] {
  if (!claim.outcomeIfCaseIgnored) return [`${claim.claim} ${outcomeText(claim.outcome)}`];
  return [
    `${claim.claim} ${outcomeText(claim.outcome)}   if Okta compares the pattern case-sensitively`,
    `${claim.claim} ${outcomeText(claim.outcomeIfCaseIgnored)}   if Okta ignores case (unverified either way: see docs/preview.md)`,
  ];
}

function outcomeText(outcome: ClaimOutcome): string {
  if (outcome.kind === 'value') return `= [${outcome.groups.map(valueText).join(', ')}]`;
  if (outcome.kind === 'absent') return 'is left out (no group matched; Okta omits empty claims)';
  return `fails, so Okta issues no token: ${outcome.message}`;
}

function valueText(group: EmittedGroup): string {
  return group.value === null ? `<${group.attribute === 'id' ? 'ID' : 'name'} of ${quote(group.group)}>` : quote(group.value);
}

function notesText(notes: readonly string[]): string[] {
  return ['', `Note: ${OFFLINE_NOTE}`, ...notes.map((note) => `Note: ${note}`)];
}

const quote = (text: string): string => JSON.stringify(text);
