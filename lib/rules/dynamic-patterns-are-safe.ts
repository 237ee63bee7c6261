import { UNSAFE_IN_EXPRESSION } from '../okta/unsafe-text';
import { FileCheck, FileRule, Finding } from './rule';

/**
 * A dynamic pattern is placed inside an Okta Expression Language string literal. Okta documents
 * no escape for quotes or backslashes there, so rather than guess we refuse them: a pattern that
 * broke out of its string could change what every token on the server contains.
 */
const check: FileCheck = (app) => {
  const findings: Finding[] = [];
  if (app.allowlist.kind !== 'dynamic') return findings;
  const { match, pattern } = app.allowlist;
  if (UNSAFE_IN_EXPRESSION.test(pattern)) {
    findings.push({
      path: ['allowlist', match],
      message: `allowlist.${match} must not contain double quotes, backslashes or control characters, but got ${JSON.stringify(pattern)}: Okta expressions cannot escape them safely. Use a shorter pattern without them, or a static list of the groups`,
    });
  }
  for (const claim of app.claims.filter((c) => c.value === 'id')) {
    findings.push({
      path: [...claim.path, 'value'],
      message:
        'value must be "name" for a dynamic allow list, but got "id": Okta\'s Groups.startsWith/endsWith/contains functions return group names. Use a static list to emit group IDs',
    });
  }
  return findings;
};

export const dynamicPatternsAreSafe: FileRule = {
  id: 'dynamic-patterns-are-safe',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Dynamic patterns are safe',
  explanation:
    'A dynamic pattern is placed inside an Okta Expression Language string. Okta documents no escape for quotes or backslashes there, so they are refused: a pattern that broke out of its string could change what every token on the server contains.',
  check,
};
