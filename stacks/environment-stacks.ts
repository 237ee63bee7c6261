import { Construct } from 'constructs';
import { EnvironmentPlan } from '../lib/plan/environment-plan';
import { OktaStack } from './okta-stack';
import { ShardStack } from './shard-stack';
import { SharedStack } from './shared-stack';

/**
 * The stacks of one environment: its shared objects, then one stack per shard of apps; only
 * those `include` accepts (all by default).
 */
export function addEnvironmentStacks(
  scope: Construct,
  plan: EnvironmentPlan,
  include: (stack: string) => boolean = () => true,
): OktaStack[] {
  const stacks: OktaStack[] = [];
  if (include(plan.sharedStack)) stacks.push(new SharedStack(scope, { plan }));
  for (const shard of plan.shards) if (include(shard.stack)) stacks.push(new ShardStack(scope, { plan, shard }));
  return stacks;
}
