/**
 * `npm run bench`: validate + synth of synthetic projects of 100, 1,000 and 10,000 apps, each
 * run as a separate process, plus the default cdktf route (ts-node) on 1,000 apps. Prints the
 * table and writes it into BENCHMARKS.md. The largest size (10,000 apps by default) is also run
 * WITH the sample policy (bench/bench-policy.ts). The heavy shape (bench/heavy.ts) runs with the
 * policy at 1,000 and 10,000 apps, each synth paired with the floor script (bench/floor.cjs).
 * Every command is run as `npm run synth`/`validate`/`affected` run it (scripts/run-compiled.cjs).
 * Options: --sizes 100,1000,10000  --heavy-sizes 1000,10000  --runs <n> (default 5, 3 from
 * 10,000 apps; at least 5 for the heavy shape)  --output <file>.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchPolicy } from './bench-policy';
import { HeavyResult, measureHeavy, ROUTE } from './heavy';
import { writeLatestResults } from './benchmarks-file';
import { measureProcess, median, ProcessRun } from './measure';
import { BenchReport, checkTargets, currentLoad, machine, renderMarkdown, RouteComparison, SizeResult } from './report';
import { affectedByOneApp, compareShards, ShardComparison, writeOneStateEnvironments } from './shard-comparison';
import { describeSynthOutput } from './synth-output';
import { SyntheticProjectPaths, syntheticProject, writeSyntheticProject } from './synthetic-project';

const ROOT = resolve(__dirname, '..');
const COMPARISON_SIZE = 1000;
/** Fewer runs for the largest size keep a full bench within a few minutes on 2 cores. */
const LARGE_SIZE = 10000;

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      sizes: { type: 'string', default: '100,1000,10000' },
      'heavy-sizes': { type: 'string', default: '1000,10000' },
      runs: { type: 'string' },
      output: { type: 'string', default: 'BENCHMARKS.md' },
    },
    strict: true,
  });
  const sizes = values.sizes.split(',').map((text) => positiveInteger('--sizes', text));
  const heavySizes = values['heavy-sizes']
    .split(',')
    .filter(Boolean)
    .map((text) => positiveInteger('--heavy-sizes', text));
  const runsFor = (apps: number): number => (values.runs ? positiveInteger('--runs', values.runs) : apps >= LARGE_SIZE ? 3 : 5);

  console.log(`Benchmark on ${machine()}`);
  const loadBefore = currentLoad();
  const results: SizeResult[] = [];
  let comparison: RouteComparison | undefined;
  let shards: ShardComparison | undefined;
  for (const apps of sizes) {
    const workdir = mkdtempSync(join(tmpdir(), `bench-${apps}-`));
    try {
      const project = syntheticProject({ apps });
      const paths = writeSyntheticProject(workdir, project);
      let result = measureSize(apps, runsFor(apps), paths, workdir);
      if (apps === Math.max(...sizes)) {
        const policyFile = join(workdir, 'policy.json');
        writeFileSync(policyFile, `${JSON.stringify(benchPolicy(project, ROOT), null, 2)}\n`);
        result = { ...result, withPolicy: measureWithPolicy(apps, runsFor(apps), paths, policyFile, workdir) };
      }
      results.push(result);
      if (apps === COMPARISON_SIZE) {
        comparison = compareWithTsNode(result, runsFor(apps), paths, workdir);
        shards = compareShardsOn(result, paths, workdir);
      }
    } finally {
      rmSync(workdir, { recursive: true, force: true });
    }
  }

  const heavy: HeavyResult[] = [];
  for (const apps of heavySizes) {
    const workdir = mkdtempSync(join(tmpdir(), `bench-heavy-${apps}-`));
    try {
      heavy.push(measureHeavy(apps, Math.max(5, runsFor(apps)), workdir, ROOT, COMPARISON_SIZE));
    } finally {
      rmSync(workdir, { recursive: true, force: true });
    }
  }

  const report: BenchReport = { date: new Date(), sizes: results, heavy, comparison, shards, loadBefore, loadAfter: currentLoad() };
  const markdown = renderMarkdown(report);
  console.log(`\n${markdown}\n`);
  writeLatestResults(resolve(ROOT, values.output), markdown);
  console.log(`Written to ${values.output}.`);
  if (checkTargets(results, shards, heavy).some((t) => !t.met)) process.exitCode = 1;
}

function measureSize(apps: number, runs: number, paths: SyntheticProjectPaths, workdir: string): SizeResult {
  const source = ['--dir', paths.allowlistsDir, '--config', paths.environmentsFile];
  const outdir = join(workdir, 'cdktf.out');
  const validate = repeat(`${apps} apps: validate`, runs, () => measureProcess([...ROUTE('cli/validate.ts'), ...source], { cwd: ROOT }));
  const synth = repeat(`${apps} apps: validate + synth`, runs, () =>
    measureProcess([...ROUTE('main.ts'), ...source, '--out', outdir], { cwd: ROOT }),
  );
  return {
    apps,
    runs,
    validateMs: median(validate.map((r) => r.wallMs)),
    synthMs: median(synth.map((r) => r.wallMs)),
    synthPeakRssBytes: Math.max(...synth.map((r) => r.peakRssBytes)),
    output: describeSynthOutput(outdir),
  };
}

/** Validate and synth of the same project with a policy file: the policy pack on every app. */
function measureWithPolicy(
  apps: number,
  runs: number,
  paths: SyntheticProjectPaths,
  policyFile: string,
  workdir: string,
): NonNullable<SizeResult['withPolicy']> {
  const source = ['--dir', paths.allowlistsDir, '--config', paths.environmentsFile, '--policy', policyFile];
  const validate = repeat(`${apps} apps with the policy: validate`, runs, () =>
    measureProcess([...ROUTE('cli/validate.ts'), ...source], { cwd: ROOT }),
  );
  const synth = repeat(`${apps} apps with the policy: validate + synth`, runs, () =>
    measureProcess([...ROUTE('main.ts'), ...source, '--out', join(workdir, 'cdktf.out.policy')], { cwd: ROOT }),
  );
  return {
    validateMs: median(validate.map((r) => r.wallMs)),
    synthMs: median(synth.map((r) => r.wallMs)),
    synthPeakRssBytes: Math.max(...synth.map((r) => r.peakRssBytes)),
  };
}

/** What `cdktf synth` does with the cdktf template's `"app": "npx ts-node main.ts"`. */
function compareWithTsNode(project: SizeResult, runs: number, paths: SyntheticProjectPaths, workdir: string): RouteComparison {
  const env = { CDKTF_OUTDIR: join(workdir, 'cdktf.out.ts-node') };
  const tsNode = repeat(`${project.apps} apps: npx ts-node main.ts`, runs, () =>
    measureProcess(['npx', 'ts-node', 'main.ts', '--dir', paths.allowlistsDir, '--config', paths.environmentsFile], { cwd: ROOT, env }),
  );
  return {
    apps: project.apps,
    runs,
    tsNodeMs: median(tsNode.map((r) => r.wallMs)),
    tsNodePeakRssBytes: Math.max(...tsNode.map((r) => r.peakRssBytes)),
    projectMs: project.synthMs,
  };
}

/** Okta requests per plan of prod with one state against shards, and what a one-app PR plans. */
function compareShardsOn(project: SizeResult, paths: SyntheticProjectPaths, workdir: string): ShardComparison {
  const oneStateOut = join(workdir, 'cdktf.out.one-state');
  const config = writeOneStateEnvironments(paths, join(workdir, 'one-state.json'));
  measureProcess([...ROUTE('main.ts'), '--dir', paths.allowlistsDir, '--config', config, '--out', oneStateOut], { cwd: ROOT });
  const affected = affectedByOneApp(paths, workdir);
  console.log(
    `  ${project.apps} apps: a change to ${affected.app} plans ${affected.planned.join(', ')} (${affected.skipped} skipped), decided in ${(affected.ms / 1000).toFixed(2)} s`,
  );
  return compareShards(project.apps, 'prod', project.output, describeSynthOutput(oneStateOut), affected);
}

function repeat(label: string, runs: number, run: () => ProcessRun): ProcessRun[] {
  const results: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    const result = run();
    console.log(`  ${label} #${i + 1}: ${(result.wallMs / 1000).toFixed(2)} s, ${(result.peakRssBytes / 1024 / 1024).toFixed(0)} MB`);
    results.push(result);
  }
  return results;
}

function positiveInteger(option: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${option} must be a positive whole number, but got "${text}"`);
  return value;
}

try {
  main();
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 2;
}
