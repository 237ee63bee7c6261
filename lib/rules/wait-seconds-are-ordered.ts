import { EnvironmentsCheck, EnvironmentsRule, Finding } from './rule';

/** The provider waits between minWaitSeconds and maxWaitSeconds before retrying a rate-limited call. */
const check: EnvironmentsCheck = ({ environments }) => {
  const findings: Finding[] = [];
  for (const [env, { rateLimits }] of Object.entries(environments)) {
    const min = rateLimits?.minWaitSeconds ?? 30;
    const max = rateLimits?.maxWaitSeconds ?? 300;
    if (min > max) {
      findings.push({
        path: ['environments', env, 'rateLimits', rateLimits?.minWaitSeconds !== undefined ? 'minWaitSeconds' : 'maxWaitSeconds'],
        message: `rateLimits.minWaitSeconds must be at most maxWaitSeconds, but environment "${env}" has ${min} and ${max}${rateLimits?.minWaitSeconds === undefined ? ' (minWaitSeconds defaults to 30)' : rateLimits?.maxWaitSeconds === undefined ? ' (maxWaitSeconds defaults to 300)' : ''}: swap them or raise maxWaitSeconds`,
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
