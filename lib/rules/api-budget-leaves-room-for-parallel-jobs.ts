import { EnvironmentsCheck, EnvironmentsRule, Finding } from './rule';

/** Requests one Terraform process has in flight at most (its default `-parallelism`). */
export const REQUESTS_IN_FLIGHT_PER_STACK = 10;

/**
 * The provider compares `max_api_capacity` with the org-wide use that Okta reports in every
 * response's X-Rate-Limit headers (okta/internal/apimutex in the provider), not with its own
 * share, so every stack gets the whole environment budget. When the budget is reached, the
 * requests already in flight still land: up to 10 per stack, and `parallelJobs` stacks at once,
 * in a bucket as small as 100 per minute (`/api/v1/apps`). The budget must leave that room.
 */
const check: EnvironmentsCheck = (_file, { environments }) => {
  const findings: Finding[] = [];
  for (const { name: env, rateLimits } of environments.values()) {
    const { maxApiCapacity: capacity, parallelJobs: jobs } = rateLimits;
    const most = 100 - REQUESTS_IN_FLIGHT_PER_STACK * jobs;
    if (capacity > most) {
      findings.push({
        path: ['environments', env, 'rateLimits'],
        message:
          `rateLimits.maxApiCapacity must be at most ${most} with parallelJobs ${jobs}, but got ${capacity}: when the budget is reached, each of the ${jobs} ` +
          `parallel stacks can still have ${REQUESTS_IN_FLIGHT_PER_STACK} requests in flight, and Okta's smallest bucket (/api/v1/apps) allows 100 a minute. Lower maxApiCapacity or parallelJobs`,
      });
    }
  }
  return findings;
};

export const apiBudgetLeavesRoomForParallelJobs: EnvironmentsRule = {
  id: 'api-budget-leaves-room-for-parallel-jobs',
  scope: 'environments',
  level: 'error',
  configurable: false,
  title: 'The API budget leaves room for parallel jobs',
  explanation:
    'When a stack reaches `maxApiCapacity`, requests already in flight still land: up to 10 per stack, for `parallelJobs` stacks at once, in a bucket as small as 100 a minute (`/api/v1/apps`). The budget must leave that room.',
  check,
};
