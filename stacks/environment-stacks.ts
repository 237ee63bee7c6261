import { Construct } from 'constructs';
import { EnvironmentPlan } from '../lib/plan/environment-plan';
import { OktaStack } from './okta-stack';
import { ShardStack } from './shard-stack';
import { SharedStack } from './shared-stack';

/** Every stack of one environment: its shared objects, then one stack per shard of apps. */
export function addEnvironmentStacks(scope: Construct, plan: EnvironmentPlan): OktaStack[] {
  return [new SharedStack(scope, { plan }), ...plan.shards.map((shard) => new ShardStack(scope, { plan, shard }))];
}
