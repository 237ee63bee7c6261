import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchPolicy } from './bench-policy';
import { measureProcess, median, ProcessRun } from './measure';
import { heavySyntheticProject, SyntheticProjectPaths, writeSyntheticProject } from './synthetic-project';
import { scratchGit } from './scratch-git';

/** The heavy shape (bench/synthetic-project.ts) at one size, always WITH the sample policy. */
export interface HeavyResult {
  readonly apps: number;
  readonly runs: number;
  /** Median wall time of the floor script: read and parse the files, write one JSON per 20 apps. */
  readonly floorMs: number;
  readonly floorPeakRssBytes: number;
  /** Median wall time of `npm run synth`'s command (validate + synth). */
  readonly synthMs: number;
  readonly synthPeakRssBytes: number;
  /** Median of synth / floor, each pair run back to back in the same run of the benchmark. */
  readonly synthOverFloor: number;
  /** Median wall time of `npm run validate`'s command alone. */
  readonly validateMs: number;
  /** A pull request changing one app: `npm run affected` then `npm run synth`, medians of each. @default - not measured */
  readonly pullRequest?: { readonly affectedMs: number; readonly synthMs: number; readonly planned: readonly string[] };
}

/**
 * What `npm run synth`, `validate` or `affected` runs for `entry`: package.json's command with its
 * node flags (synth's --expose-gc changes its memory), without npm's own start-up.
 */
export function ROUTE(entry: string): string[] {
  const { scripts } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const command = Object.values(scripts).find((script) => script.endsWith(`scripts/run-compiled.cjs ${entry}`));
  if (!command) throw new Error(`no npm script runs scripts/run-compiled.cjs ${entry}`);
  const [, ...args] = command.split(' ');
  return [process.execPath, ...args];
}

/**
 * Writes the heavy project into `workdir` and measures, `runs` times each: the floor and synth
 * one after the other (so each ratio compares two runs under the same load), validate alone,
 * and at `pullRequestAt` apps the pull-request path.
 */
export function measureHeavy(apps: number, runs: number, workdir: string, root: string, pullRequestAt: number): HeavyResult {
  const project = heavySyntheticProject({ apps });
  const paths = writeSyntheticProject(workdir, project);
  const policyFile = join(workdir, 'policy.json');
  writeFileSync(policyFile, `${JSON.stringify(benchPolicy(project, root), null, 2)}\n`);
  const source = ['--dir', paths.allowlistsDir, '--config', paths.environmentsFile, '--policy', policyFile];
  const floor: ProcessRun[] = [];
  const synth: ProcessRun[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(measureProcess([process.execPath, 'bench/floor.cjs', ...source, '--out', join(workdir, 'floor.out')], { cwd: root }));
    synth.push(measureProcess([...ROUTE('main.ts'), ...source, '--out', join(workdir, 'cdktf.out')], { cwd: root }));
    ratios.push(synth[i].wallMs / floor[i].wallMs);
    console.log(
      `  ${apps} apps, heavy shape with the policy #${i + 1}: synth ${seconds(synth[i].wallMs)}, floor ${seconds(floor[i].wallMs)}, ratio ${ratios[i].toFixed(1)}`,
    );
  }
  const validate = Array.from({ length: runs }, () => measureProcess([...ROUTE('cli/validate.ts'), ...source], { cwd: root }));
  console.log(`  ${apps} apps, heavy shape with the policy: validate ${seconds(median(validate.map((r) => r.wallMs)))}`);
  return {
    apps,
    runs,
    floorMs: median(floor.map((r) => r.wallMs)),
    floorPeakRssBytes: Math.max(...floor.map((r) => r.peakRssBytes)),
    synthMs: median(synth.map((r) => r.wallMs)),
    synthPeakRssBytes: Math.max(...synth.map((r) => r.peakRssBytes)),
    synthOverFloor: median(ratios),
    validateMs: median(validate.map((r) => r.wallMs)),
    pullRequest: apps === pullRequestAt ? measurePullRequest(paths, source, runs, workdir, root) : undefined,
  };
}

/** A commit that drops one group from one static app; `npm run affected` on it, then `npm run synth` of the stacks it plans. */
function measurePullRequest(
  paths: SyntheticProjectPaths,
  source: readonly string[],
  runs: number,
  workdir: string,
  root: string,
): HeavyResult['pullRequest'] {
  const git = scratchGit(workdir);
  git('init', '-q', '-b', 'main');
  git('add', 'allowlists', 'stacks', 'policy.json');
  git('commit', '-q', '-m', 'base');
  const base = git('rev-parse', 'HEAD').trim();
  const key = 'app-00000';
  const file = join(paths.allowlistsDir, `${key}.json`);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (Array.isArray(data.allowlist.groups)) data.allowlist.groups = data.allowlist.groups.slice(1);
  else data.app.label = `${data.app.label} (renamed)`;
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  git('commit', '-q', '-am', `change ${key}`);
  const affectedArgs = [...source, '--base', base, '--head', 'HEAD', '--repo', workdir];
  const output = execFileSync(process.execPath, [...ROUTE('cli/affected.ts').slice(1), ...affectedArgs], { cwd: root, encoding: 'utf8' });
  const affectedFile = join(workdir, 'affected.json');
  writeFileSync(affectedFile, output);
  const planned = (JSON.parse(output) as { planned: { stack: string }[] }).planned.map((p) => p.stack);
  const affected: ProcessRun[] = [];
  const synth: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    affected.push(measureProcess([...ROUTE('cli/affected.ts'), ...affectedArgs], { cwd: root }));
    // The pull-request workflow synthesizes only the stacks it plans (plan-stacks.yml).
    synth.push(
      measureProcess([...ROUTE('main.ts'), ...source, '--affected', affectedFile, '--out', join(workdir, 'cdktf.out.pr')], { cwd: root }),
    );
  }
  const result = { affectedMs: median(affected.map((r) => r.wallMs)), synthMs: median(synth.map((r) => r.wallMs)), planned };
  console.log(
    `  pull request changing ${key}: affected ${seconds(result.affectedMs)} (plans ${planned.join(', ')}), synth ${seconds(result.synthMs)}`,
  );
  return result;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
