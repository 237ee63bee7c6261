import { DEFAULT_MAX_API_CAPACITY, DEFAULT_PARALLEL_JOBS } from '../model/environments-file';
import { EnvironmentsRule, Finding } from './rule';

/**
 * Each of an environment's parallel stacks gets maxApiCapacity / parallelJobs percent (at least
 * 1), so a budget smaller than the number of parallel jobs would be exceeded together.
 */
export const apiBudgetCoversParallelJobs: EnvironmentsRule = ({ environments }) => {
  const findings: Finding[] = [];
  for (const [env, { rateLimits }] of Object.entries(environments)) {
    const capacity = rateLimits?.maxApiCapacity ?? DEFAULT_MAX_API_CAPACITY;
    const jobs = rateLimits?.parallelJobs ?? DEFAULT_PARALLEL_JOBS;
    if (capacity < jobs) {
      findings.push({
        path: ['environments', env, 'rateLimits'],
        message: `rateLimits.maxApiCapacity must be at least parallelJobs (${jobs}), but got ${capacity}: each parallel stack gets at least 1% of Okta's rate limits, so together they would use ${jobs}%. Lower parallelJobs or raise maxApiCapacity`,
      });
    }
  }
  return findings;
};
