import { Construct } from 'constructs';
import { EnvironmentPlan } from '../lib/plan/environment-plan';
import { OktaStack } from './okta-stack';
import { ShardStack } from './shard-stack';
import { SharedStack } from './shared-stack';

/** One stack of an environment, not built yet: a synth can build, write and drop stacks one at a time. */
export interface StackBuilder {
  /** The stack's name: its construct id, folder and state. */
  readonly name: string;
  /** Adds the stack and everything in it to `scope`. */
  build(scope: Construct): OktaStack;
}

/**
 * The stacks of one environment: its shared objects, then one stack per shard of apps; only
 * those `include` accepts (all by default).
 */
export function environmentStacks(plan: EnvironmentPlan, include: (stack: string) => boolean = () => true): StackBuilder[] {
  const stacks: StackBuilder[] = [
    { name: plan.sharedStack, build: (scope) => new SharedStack(scope, { plan }) },
    ...plan.shards.map((shard) => ({ name: shard.stack, build: (scope: Construct) => new ShardStack(scope, { plan, shard }) })),
  ];
  return stacks.filter((stack) => include(stack.name));
}
