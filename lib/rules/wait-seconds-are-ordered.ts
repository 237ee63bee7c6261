import { EnvironmentsCheck, EnvironmentsRule, Finding } from './rule';

/** The provider waits between minWaitSeconds and maxWaitSeconds before retrying a rate-limited call. */
const check: EnvironmentsCheck = (_file, { environments }) => {
  const findings: Finding[] = [];
  for (const { name, rateLimits } of environments.values()) {
    const { minWaitSeconds: min, maxWaitSeconds: max } = rateLimits;
    if (min.value > max.value) {
      const defaulted = !min.given
        ? ` (minWaitSeconds defaults to ${min.value})`
        : !max.given
          ? ` (maxWaitSeconds defaults to ${max.value})`
          : '';
      findings.push({
        path: min.given ? min.path : max.path,
        message: `rateLimits.minWaitSeconds must be at most maxWaitSeconds, but environment "${name}" has ${min.value} and ${max.value}${defaulted}: swap them or raise maxWaitSeconds`,
      });
    }
  }
  return findings;
};

export const waitSecondsAreOrdered: EnvironmentsRule = {
  id: 'wait-seconds-are-ordered',
  scope: 'environments',
  level: 'error',
  configurable: false,
  title: 'Retry waits are ordered',
  explanation:
    'The okta provider waits between `minWaitSeconds` and `maxWaitSeconds` before retrying a rate-limited call, so the minimum cannot exceed the maximum.',
  check,
};
