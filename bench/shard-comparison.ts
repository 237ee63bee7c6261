import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { affectedStacks } from '../lib/pipeline/affected-stacks';
import { REQUESTS_PER_PLAN } from './okta-requests';
import { median } from './measure';
import { StackOutput, SynthOutput } from './synth-output';
import { SyntheticProjectPaths } from './synthetic-project';
import { scratchGit } from './scratch-git';

/** Okta requests of a pull request that changes one app: one state per environment against shards. */
export interface ShardComparison {
  readonly apps: number;
  readonly environment: string;
  /** Stacks of the environment with shards (the shared stack included). */
  readonly stacks: number;
  /** A plan of the environment as ONE state: every app, claim and lookup refreshed. */
  readonly oneStateRequests: number;
  /** A plan of the changed app's shard, for the median app and for the app in the largest shard. */
  readonly shardMedianRequests: number;
  readonly shardMaxRequests: number;
  /** What `affectedStacks` selected for a real commit that changes one app's groups. */
  readonly affected: { readonly app: string; readonly planned: readonly string[]; readonly skipped: number; readonly ms: number };
}

/**
 * `sharded` and `oneState` are the synthesized outputs of the same project with the environments
 * file's default sharding and with `"shardBy": "single"` (all apps in one stack, beside the
 * shared stack: together, one state).
 */
export function compareShards(
  apps: number,
  environment: string,
  sharded: SynthOutput,
  oneState: SynthOutput,
  affected: ShardComparison['affected'],
): ShardComparison {
  const own = (output: SynthOutput): StackOutput[] => output.stacks.filter((s) => s.environment === environment);
  // One provider start for the whole state, not one per stack.
  const merged = own(oneState).reduce((sum, s) => sum + s.planRequests, 0) - (own(oneState).length - 1) * REQUESTS_PER_PLAN.configure;
  const shardOfApp = own(sharded).flatMap((stack) => stack.apps.map(() => stack.planRequests));
  return {
    apps,
    environment,
    stacks: own(sharded).length,
    oneStateRequests: merged,
    shardMedianRequests: median(shardOfApp),
    shardMaxRequests: Math.max(...shardOfApp),
    affected,
  };
}

/** An environments file like `paths`' with every app in one shard. */
export function writeOneStateEnvironments(paths: SyntheticProjectPaths, file: string): string {
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(paths.environmentsFile, 'utf8')), shardBy: 'single' }));
  return file;
}

/**
 * Commits the project to a throw-away git repository, changes one app's groups in a second
 * commit, and asks `affectedStacks` what the pull request must plan, as the workflow does.
 */
export function affectedByOneApp(paths: SyntheticProjectPaths, repository: string): ShardComparison['affected'] {
  const git = scratchGit(repository);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const base = git('rev-parse', 'HEAD').trim();
  const key = git('ls-files', 'allowlists')
    .split('\n')
    .filter(Boolean)
    .map((f) => f.slice('allowlists/'.length, -'.json'.length))
    .find((k) => {
      const data = JSON.parse(readFileSync(join(paths.allowlistsDir, `${k}.json`), 'utf8'));
      return Array.isArray(data.allowlist.groups) && data.allowlist.groups.length > 1;
    });
  if (!key) throw new Error('the synthetic project has no static allow list to change');
  const file = join(paths.allowlistsDir, `${key}.json`);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  data.allowlist.groups = data.allowlist.groups.slice(1);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  git('commit', '-q', '-am', `change ${key}`);
  const started = process.hrtime.bigint();
  const result = affectedStacks({
    base,
    head: 'HEAD',
    repository,
    allowlistsDir: paths.allowlistsDir,
    environmentsFile: paths.environmentsFile,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { app: key, planned: result.planned.map((p) => p.stack), skipped: result.skipped.length, ms };
}
