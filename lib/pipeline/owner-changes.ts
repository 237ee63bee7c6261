import { Problem } from '../load/problem';
import { allowlistChanges, OwnerChange } from './allowlist-changes';
import { AppSnapshot } from './allowlist-snapshot';

/** The sentence reviewers read, in the PR comment's caution block and on the diff. */
export function describeOwnerChange(key: string, owners: OwnerChange): string {
  const list = (names: readonly string[]) => names.join(', ') || 'none';
  return (
    `owners of "${key}" changed (added: ${list(owners.added)}; removed: ${list(owners.removed)}): the platform team must review, ` +
    'because the policy trusts the owners (OKTA-G1, OKTA-G2) and CODEOWNERS is read from the base branch'
  );
}

/** One warning per existing app whose owners differ between base and head, at `owners` in the head file. */
export function ownerChangeWarnings(base: ReadonlyMap<string, AppSnapshot>, head: ReadonlyMap<string, AppSnapshot>): Problem[] {
  return allowlistChanges(base, head).flatMap((change) => {
    const app = head.get(change.key);
    if (!change.owners || !app) return [];
    const at = app.ownersAt ?? { line: 1, column: 1 };
    return [
      { file: app.file, ...at, level: 'warning' as const, rule: 'Owner change', message: describeOwnerChange(change.key, change.owners) },
    ];
  });
}
