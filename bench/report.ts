import { cpus, loadavg, totalmem } from 'node:os';
import { HeavyResult } from './heavy';
import { ShardComparison } from './shard-comparison';
import { SynthOutput } from './synth-output';

/** Measurements of one synthetic project size. */
export interface SizeResult {
  readonly apps: number;
  readonly runs: number;
  /** Median wall time of `cli/validate.ts` alone. */
  readonly validateMs: number;
  /** Median wall time of `main.ts`, which validates and then synthesizes. */
  readonly synthMs: number;
  /** Largest peak RSS of any synth run. */
  readonly synthPeakRssBytes: number;
  readonly output: SynthOutput;
  /** The same project checked against the sample policy (see bench/bench-policy.ts). @default - not measured */
  readonly withPolicy?: { readonly validateMs: number; readonly synthMs: number; readonly synthPeakRssBytes: number };
}

/** The default cdktf route (`npx ts-node main.ts`) against the project's route, on one size. */
export interface RouteComparison {
  readonly apps: number;
  readonly runs: number;
  readonly tsNodeMs: number;
  readonly tsNodePeakRssBytes: number;
  readonly projectMs: number;
}

export interface BenchReport {
  readonly date: Date;
  readonly sizes: readonly SizeResult[];
  /** The heavy shape with the policy, paired with the floor. @default - not measured */
  readonly heavy?: readonly HeavyResult[];
  readonly comparison?: RouteComparison;
  readonly shards?: ShardComparison;
  /** 1-minute load averages when the run started and ended: other work on the machine shows here. */
  readonly loadBefore: number;
  readonly loadAfter: number;
}

/** One target of the benchmark issue, checked against the measurements. */
export interface TargetCheck {
  readonly description: string;
  readonly measured: string;
  readonly met: boolean;
}

const MB = 1024 * 1024;
const TIME_AND_MEMORY_TARGETS = [
  { apps: 1000, maxMs: 3000, maxRssBytes: 400 * MB },
  { apps: 10000, maxMs: 30000, maxRssBytes: 2048 * MB },
];
const MAX_GROWTH_RATIO = 12;
/** The synthesis-speed issue, on the heavy shape with the policy loaded. */
const HEAVY_TARGETS = [
  { apps: 1000, maxSynthMs: 1500, maxOverFloor: 12, maxValidateMs: 600, maxPullRequestMs: 2000 },
  { apps: 10000, maxSynthMs: 12000, maxRssBytes: 600 * MB, maxValidateMs: 10000 },
];
/** Issue 8: a one-app pull request on 1,000 apps makes at least this many times fewer Okta requests. */
const MIN_SHARD_REDUCTION = 20;
/** Load beyond the benchmark's own single busy core that marks the numbers as taken under load. */
const OTHER_WORK_THRESHOLD = 0.5;

export function checkTargets(sizes: readonly SizeResult[], shards?: ShardComparison, heavy: readonly HeavyResult[] = []): TargetCheck[] {
  const bySize = new Map(sizes.map((s) => [s.apps, s]));
  const checks: TargetCheck[] = [];
  for (const target of HEAVY_TARGETS) {
    const h = heavy.find((r) => r.apps === target.apps);
    if (!h) continue;
    const at = `${count(target.apps)} apps, heavy shape with the policy`;
    checks.push({
      description: `${at}: synth ≤ ${seconds(target.maxSynthMs)}`,
      measured: seconds(h.synthMs),
      met: h.synthMs <= target.maxSynthMs,
    });
    if (target.maxOverFloor !== undefined) {
      checks.push({
        description: `${at}: synth / floor ≤ ${target.maxOverFloor}`,
        measured: `${h.synthOverFloor.toFixed(1)}×`,
        met: h.synthOverFloor <= target.maxOverFloor,
      });
    }
    if (target.maxRssBytes !== undefined) {
      checks.push({
        description: `${at}: synth peak RSS ≤ ${megabytes(target.maxRssBytes)}`,
        measured: megabytes(h.synthPeakRssBytes),
        met: h.synthPeakRssBytes <= target.maxRssBytes,
      });
    }
    checks.push({
      description: `${at}: validate ≤ ${seconds(target.maxValidateMs)}`,
      measured: seconds(h.validateMs),
      met: h.validateMs <= target.maxValidateMs,
    });
    if (target.maxPullRequestMs !== undefined && h.pullRequest) {
      const total = h.pullRequest.affectedMs + h.pullRequest.synthMs;
      checks.push({
        description: `${at}: one-app PR, affected + synth ≤ ${seconds(target.maxPullRequestMs)}`,
        measured: seconds(total),
        met: total <= target.maxPullRequestMs,
      });
    }
  }
  for (const target of TIME_AND_MEMORY_TARGETS) {
    const size = bySize.get(target.apps);
    if (!size) continue;
    checks.push({
      description: `${count(target.apps)} apps: validate + synth < ${seconds(target.maxMs)}`,
      measured: seconds(size.synthMs),
      met: size.synthMs < target.maxMs,
    });
    checks.push({
      description: `${count(target.apps)} apps: peak RSS < ${megabytes(target.maxRssBytes)}`,
      measured: megabytes(size.synthPeakRssBytes),
      met: size.synthPeakRssBytes < target.maxRssBytes,
    });
  }
  const thousand = bySize.get(1000);
  const tenThousand = bySize.get(10000);
  if (thousand && tenThousand) {
    const ratio = tenThousand.synthMs / thousand.synthMs;
    checks.push({
      description: `10,000 / 1,000 time ratio ≤ ${MAX_GROWTH_RATIO}`,
      measured: ratio.toFixed(1),
      met: ratio <= MAX_GROWTH_RATIO,
    });
  }
  for (const size of sizes) {
    for (const plan of size.output.plans) {
      checks.push({
        description: `${count(size.apps)} apps, ${plan.environment}: group-resolution requests ≤ distinct groups`,
        measured: `${count(plan.searchRequests)} ≤ ${count(plan.distinctGroups)}`,
        met: plan.searchRequests <= plan.distinctGroups,
      });
    }
  }
  if (shards) {
    const reduction = shards.oneStateRequests / shards.shardMedianRequests;
    checks.push({
      description: `${count(shards.apps)} apps, ${shards.environment}: a one-app PR makes ≥ ${MIN_SHARD_REDUCTION}× fewer Okta requests with shards`,
      measured: `${reduction.toFixed(1)}×`,
      met: reduction >= MIN_SHARD_REDUCTION,
    });
    checks.push({
      description: `${count(shards.apps)} apps: a one-app PR plans one shard per environment`,
      measured: shards.affected.planned.join(', '),
      met:
        new Set(shards.affected.planned.map((s) => s.split('--')[0])).size === shards.affected.planned.length &&
        !shards.affected.planned.some((s) => s.endsWith('--shared')),
    });
  }
  return checks;
}

/** The Markdown that `npm run bench` writes into BENCHMARKS.md. */
export function renderMarkdown(report: BenchReport): string {
  const lines = [
    `Measured ${report.date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.`,
    `1-minute load average ${report.loadBefore.toFixed(2)} at the start and ${report.loadAfter.toFixed(2)} at the end (the benchmark itself adds about 1)` +
      (otherWork(report) >= OTHER_WORK_THRESHOLD ? ': **other work shared the machine, so times are pessimistic**.' : '.'),
    '',
    '| Apps | Runs | Validate (median) | Validate + synth (median) | Validate + synth peak RSS | Output | Resources | Data sources | Group lookups per plan, one per group | Group lookups per plan, batched (requests) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.sizes.map(
      (s) =>
        `| ${count(s.apps)} | ${s.runs} | ${seconds(s.validateMs)} | ${seconds(s.synthMs)} | ${megabytes(s.synthPeakRssBytes)} | ${megabytes(s.output.bytes)} | ${count(s.output.resources)} | ${count(s.output.dataSources)} | ${perPlan(s, (p) => p.distinctGroups)} | ${perPlan(s, (p) => p.searchRequests)} |`,
    ),
    '',
    ...report.sizes
      .filter((s) => s.withPolicy)
      .flatMap((s) => [
        '',
        `${count(s.apps)} apps WITH the sample policy (policy.json with grants for the synthetic teams, see \`bench/bench-policy.ts\`), median of ${s.runs}: validate ${seconds(s.withPolicy!.validateMs)}, validate + synth ${seconds(s.withPolicy!.synthMs)}, peak RSS ${megabytes(s.withPolicy!.synthPeakRssBytes)}.`,
      ]),
    '',
    ...heavyLines(report.heavy ?? []),
    'Group lookups are per `terraform plan` of one environment (dev / prod). "One per group" is what one `okta_group` data source per name or ID would cost; "batched" is the `okta_groups` searches the stacks hold, 40 exact names each, counting one request per 200 possible results (Okta\'s page size).',
  ];
  if (report.comparison) {
    const c = report.comparison;
    lines.push(
      '',
      `Default cdktf route on ${count(c.apps)} apps (\`npx ts-node main.ts\` with \`CDKTF_OUTDIR\`, what \`cdktf synth\` runs for the template's \`app\`), median of ${c.runs}: ` +
        `${seconds(c.tsNodeMs)}, peak RSS ${megabytes(c.tsNodePeakRssBytes)}; the project's route (\`npm run synth\`'s command, \`node --expose-gc scripts/run-compiled.cjs main.ts\`): ${seconds(c.projectMs)}. ` +
        `**ts-node / project = ${(c.tsNodeMs / c.projectMs).toFixed(1)}×.**`,
    );
  }
  if (report.shards) {
    const s = report.shards;
    lines.push(
      '',
      `Okta API requests of one \`terraform plan\` in ${s.environment} for a pull request that changes one app (${count(s.apps)} apps; counted from the synthesized stacks with the provider's calls per object, see \`bench/okta-requests.ts\`):`,
      '',
      '| Layout | Stacks planned | Okta requests per plan |',
      '| --- | ---: | ---: |',
      `| One state per environment | 1 of 1 | ${count(s.oneStateRequests)} |`,
      `| Shards, the changed app's shard (median app) | 1 of ${s.stacks} | ${count(s.shardMedianRequests)} (${(s.oneStateRequests / s.shardMedianRequests).toFixed(1)}× fewer) |`,
      `| Shards, the changed app in the largest shard | 1 of ${s.stacks} | ${count(s.shardMaxRequests)} (${(s.oneStateRequests / s.shardMaxRequests).toFixed(1)}× fewer) |`,
      '',
      `\`affectedStacks\` on a real commit changing the groups of \`${s.affected.app}\`: planned ${s.affected.planned.map((p) => `\`${p}\``).join(', ')}, skipped ${count(s.affected.skipped)} stacks, decided in ${seconds(s.affected.ms)} (two in-process synths).`,
    );
  }
  lines.push(
    '',
    '| Target | Measured | Met |',
    '| --- | ---: | :---: |',
    ...checkTargets(report.sizes, report.shards, report.heavy).map(
      (t) => `| ${t.description} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`,
    ),
  );
  return lines.join('\n');
}

function heavyLines(heavy: readonly HeavyResult[]): string[] {
  if (heavy.length === 0) return [];
  return [
    'Heavy shape (`heavySyntheticProject`: every app in both environments, 50 teams so 51 stacks per environment, 20 groups per static list from 2,000, a third with a shared access-token claim, a tenth dynamic) WITH the policy. ' +
      'Floor: `bench/floor.cjs` reads and parses the same files and writes one JSON per 20 apps. Each synth runs right after a floor run; "synth / floor" is the median of those paired ratios.',
    '',
    '| Apps | Runs | Floor (median) | Synth (median) | Synth / floor (paired median) | Synth peak RSS | Floor peak RSS | Validate alone (median) | One-app PR: affected + synth |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...heavy.map(
      (h) =>
        `| ${count(h.apps)} | ${h.runs} | ${seconds(h.floorMs)} | ${seconds(h.synthMs)} | ${h.synthOverFloor.toFixed(1)}× | ${megabytes(h.synthPeakRssBytes)} | ${megabytes(h.floorPeakRssBytes)} | ${seconds(h.validateMs)} | ` +
        (h.pullRequest
          ? `${seconds(h.pullRequest.affectedMs)} + ${seconds(h.pullRequest.synthMs)} (plans ${h.pullRequest.planned.join(', ')})`
          : '') +
        ' |',
    ),
    '',
  ];
}

/** Load that was not the benchmark: all of it before the start, all but one busy core at the end. */
function otherWork(report: BenchReport): number {
  return Math.max(report.loadBefore, report.loadAfter - 1);
}

function perPlan(size: SizeResult, value: (plan: SynthOutput['plans'][number]) => number): string {
  return size.output.plans.map((p) => count(value(p))).join(' / ');
}

export function machine(): string {
  const cores = cpus();
  return `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node.js ${process.version}, ${process.platform}`;
}

export const currentLoad = (): number => loadavg()[0];
const count = (n: number): string => n.toLocaleString('en-US');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number): string => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
