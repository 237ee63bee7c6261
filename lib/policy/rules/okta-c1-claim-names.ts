import { quoted } from '../../rules/rule';
import { firstMatch } from '../glob';
import { PolicyRule } from '../rule';

/** Claim names match one of `claims.names` ("*" matching any text). */
export const claimNames: PolicyRule = {
  id: 'OKTA-C1',
  scope: 'file',
  title: 'Allowed claim names',
  level: 'error',
  explanation:
    'Apps and their libraries look for groups under agreed claim names. On a custom authorization server a claim is shared by every app, so an ad-hoc name also clutters the tokens of apps that never asked for it.',
  checks: 'Claim names match `claims.names` (`*` = any text).',
  setting: '`claims.names`',
  check(app, { policy }) {
    const names = policy.claims?.names;
    if (!names) return [];
    return app.claims
      .filter((claim) => !firstMatch(names, claim.name))
      .map((claim) => {
        const { given: written, path } = claim.sources.name;
        return {
          path,
          message: `claim name "${claim.name}"${written ? '' : ' (the default)'} is not allowed: policy.json (claims.names) allows ${quoted(names)}. ${written ? 'Rename the claim' : 'Set "name" to one of them'}`,
        };
      });
  },
};
