import { PolicyRule } from '../rule';

/** A claim's limit, written or defaulted, is at most `claims.maxLimit`. */
export const claimLimit: PolicyRule = {
  id: 'OKTA-C2',
  scope: 'file',
  title: 'Maximum claim limit',
  level: 'error',
  explanation:
    'The limit is how many groups one token may carry. Large limits make tokens too big for HTTP headers and cookies, and a dynamic list with a large limit can leak many group names at once.',
  checks: "A claim's limit, written or default (list size for a static list, 100 for a dynamic one), is at most `claims.maxLimit`.",
  setting: '`claims.maxLimit`',
  check(app, { policy }) {
    const max = policy.claims?.maxLimit;
    if (max === undefined) return [];
    return app.claims
      .filter((claim) => claim.limit > max)
      .map((claim) => {
        const { given: written, path } = claim.sources.limit;
        const why = written
          ? ''
          : app.allowlist.kind === 'dynamic'
            ? ' (a dynamic list defaults to 100)'
            : ' (the default: the number of groups in the list)';
        return {
          path,
          message: `claim limit must be at most ${max} (policy.json, claims.maxLimit), but got ${claim.limit}${why}. Set "limit" to ${max} or less`,
        };
      });
  },
};
