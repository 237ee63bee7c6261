import { AllowlistFileData } from '../model/allowlist-file';
import { DYNAMIC_MATCHES } from '../model/app';
import { Finding, WrittenFileRule } from './rule';

/**
 * An allow list is either static ("groups") or dynamic (exactly one pattern). Runs before the
 * other rules, which rely on knowing the kind. A static list combined with a pattern is refused
 * with its own message, because Okta's guide allows such a claim (docs/okta-semantics.md).
 */
function check(data: AllowlistFileData): Finding[] {
  const given = (['groups', ...DYNAMIC_MATCHES] as const).filter((k) => data.allowlist[k] !== undefined);
  if (given.length === 0) {
    return [
      {
        path: ['allowlist'],
        message:
          'allowlist must have "groups" (a static list) or one of "startsWith", "endsWith", "contains" (a dynamic list), but got none of them',
      },
    ];
  }
  if (given[0] === 'groups' && given.length > 1) {
    // Refused until the guarded Arrays.flatten form is generated and previewed: docs/okta-semantics.md#combined-allow-lists.
    const pattern = given[1];
    return [
      {
        path: ['allowlist', pattern],
        message:
          `allowlist cannot combine "groups" with "${pattern}" in one claim yet: Okta applies a limit to each group function, and a combined ` +
          `(Arrays.flatten) claim needs a guard around every part that can be empty, which this project does not generate or preview ` +
          `(docs/okta-semantics.md#combined-allow-lists). Either name in "groups" the groups "${pattern}" should match (a static list's ` +
          `default limit never fails a token), or keep only "${pattern}"`,
      },
    ];
  }
  if (given.length > 1) {
    return [
      {
        path: ['allowlist', given[1]],
        message: `allowlist must be either static or one dynamic pattern, but got ${given.map((g) => `"${g}"`).join(' and ')}: keep one`,
      },
    ];
  }
  if (given[0] === 'groups' && data.allowlist.source !== undefined) {
    return [
      {
        path: ['allowlist', 'source'],
        message: 'allowlist.source applies to dynamic lists only: remove it, static lists name their groups directly',
      },
    ];
  }
  return [];
}

export const allowlistHasOneKind: WrittenFileRule = {
  id: 'allowlist-has-one-kind',
  scope: 'written-file',
  level: 'error',
  configurable: false,
  title: 'An allow list has one kind',
  explanation:
    'An allow list is either static (`groups`) or dynamic (exactly one of `startsWith`, `endsWith`, `contains`), and `source` belongs to dynamic lists only. A static list combined with a pattern is refused with its own message: Okta would apply a limit to each part, and the guard a combined claim needs is not generated or previewed ([okta-semantics.md](okta-semantics.md#combined-allow-lists)). Checked before the other rules of the file, which rely on knowing the kind.',
  check,
};
