import { loadProject } from '../../lib/load/load-project';
import { everyStack, stackMatrix } from '../../lib/pipeline/stack-matrix';
import { EnvironmentPlan } from '../../lib/plan/environment-plan';

const { project } = loadProject();
const plans = project!.plans;
const withParallelJobs = (plan: EnvironmentPlan, parallelJobs: number): EnvironmentPlan => ({
  ...plan,
  settings: { ...plan.settings, rateLimits: { ...plan.settings.rateLimits, parallelJobs } },
});

test('every environment gets an entry, empty when nothing of it is planned', () => {
  const matrix = stackMatrix(plans, [{ environment: 'prod', stack: 'prod--payroll', reason: 'its Terraform changes' }]);
  expect(matrix.stacks).toEqual({ dev: [], prod: ['prod--payroll'] });
});

test("the cap is each environment's own parallelJobs (its default applied by the environments model)", () => {
  const [dev, prod] = plans;
  expect(stackMatrix([withParallelJobs(dev, 3), withParallelJobs(prod, 2)], []).parallelJobs).toEqual({ dev: 3, prod: 2 });
});

test('every stack means the shared stack and every shard of every environment', () => {
  const all = everyStack(plans, 'drift runs check every stack');
  expect(all.planned.filter((s) => s.environment === 'dev').map((s) => s.stack)).toEqual([
    'dev--shared',
    ...plans[0].shards.map((s) => s.stack),
  ]);
  expect(all.planned).toHaveLength(plans.reduce((n, p) => n + 1 + p.shards.length, 0));
  expect(stackMatrix(plans, all.planned).stacks.prod).toContain('prod--shared');
});
