import { displayPath } from '../load/schema-problems';
import { appsIn, ClaimRequest, claimRequests } from '../plan/environment-plan';
import { ProjectCheck, ProjectFinding, ProjectRule, quoted } from './rule';

function differenceBetween(a: ClaimRequest, b: ClaimRequest): string | undefined {
  const describe = (r: ClaimRequest): Record<string, string> => ({
    'allow-list kind and pattern':
      r.app.allowlist.kind === 'static'
        ? 'a static list'
        : `${r.app.allowlist.match} "${r.app.allowlist.pattern}" (source ${r.app.allowlist.source})`,
    value: `"${r.claim.value}"`,
    scopes: r.shared.scopes ? JSON.stringify(r.shared.scopes) : 'none',
    alwaysIncludeInToken: String(r.shared.alwaysIncludeInToken),
    limit: r.app.allowlist.kind === 'dynamic' ? String(r.claim.limit) : 'per app',
  });
  const left = describe(a);
  const right = describe(b);
  const field = Object.keys(left).find((k) => left[k] !== right[k]);
  // A claim without "scopes" may differ only through the server's default: say so.
  const shown = (r: ClaimRequest, text: string) =>
    field === 'scopes' && !r.claim.scopes && r.shared.scopes
      ? `none (so ${text}, the default on a server not dedicatedToManagedApps)`
      : text;
  return field && `${field}: ${shown(a, left[field])} in ${a.app.file} vs ${shown(b, right[field])} here`;
}

/** A conflict between two requests, and the environments it is found in. */
interface Conflict {
  readonly first: ClaimRequest;
  readonly other: ClaimRequest;
  readonly difference: string;
  readonly environments: string[];
}

/**
 * Apps asking for the same server, claim name and token share one claim, so they must mean the
 * same by it. Each conflicting pair is reported once, naming every environment it conflicts in.
 */
const check: ProjectCheck = (apps, { environments }) => {
  const conflicts = new Map<string, Conflict>();
  for (const [environment, settings] of environments.environments) {
    for (const [first, ...others] of claimRequests(settings, appsIn(environment, apps))) {
      for (const other of others) {
        const difference = differenceBetween(first, other);
        if (!difference) continue;
        const pair = JSON.stringify([other.app.file, other.claim.path, first.app.file, first.claim.path, difference]);
        const known = conflicts.get(pair);
        if (known) known.environments.push(environment);
        else conflicts.set(pair, { first, other, difference, environments: [environment] });
      }
    }
  }
  return [...conflicts.values()].map(({ first, other, difference, environments: where }): ProjectFinding => {
    const { server, name, token } = other.claim;
    const inEnvironments = where.length === 1 ? `environment "${where[0]}"` : `environments ${quoted(where)}`;
    return {
      app: other.app,
      path: other.claim.path,
      message: `this claim conflicts with ${first.app.file} ${displayPath(first.claim.path)}: apps on server "${server}" share ONE "${name}" ${token}-token claim (${inEnvironments}), so they must agree on ${difference}. Align the two files, or give one claim another name`,
    };
  });
};

export const sharedClaimsAgree: ProjectRule = {
  id: 'shared-claims-agree',
  scope: 'project',
  level: 'error',
  configurable: false,
  title: 'Apps sharing a claim agree on it',
  explanation:
    "Apps asking for the same claim (server, name, token) on a custom authorization server share ONE claim, so in every environment they share it they must agree on the allow-list kind and pattern, the value, the scopes (written or the server default), `alwaysIncludeInToken` and a dynamic list's limit.",
  check,
};
