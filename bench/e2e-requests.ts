/**
 * `npm run bench:e2e [-- --sizes 10,100,1000] [--applied-up-to 100]`: Okta requests and wall
 * time of real `terraform plan`s (okta provider 4.20.0 through its own HTTP client, the
 * e2e toolchain) against the emulator enforcing Okta's DEFAULT Workforce limits, read from the
 * emulator's request log. Prints Markdown for BENCHMARKS.md. Setup applies run with rate
 * limiting off; only the measured plans count.
 */
import { parseArgs } from 'node:util';
import { cpus, totalmem } from 'node:os';
import { RequestLogEntry, RunningEmulator, SeedGroup } from '../emulator';
import { DEFAULT_LIMITS } from '../emulator/rate-limits';
import { startOrg } from '../e2e/harness/org';
import { Workspace } from '../e2e/harness/workspace';
import { groupPool } from './group-pool';
import { SeededRandom } from './random';
import { DEFAULT_SEED, syntheticProject } from './synthetic-project';

type Json = Record<string, unknown>;
const HOST = 'acme-dev.oktapreview.com';

interface Measure {
  readonly name: string;
  readonly stacks: number;
  readonly wallMs: number;
  readonly failed: number;
  readonly log: RequestLogEntry[];
}

/** The dev-only project of `apps` synthetic apps, with the given budget settings. */
function project(apps: number, rateLimits: Json): { environments: Json; files: Record<string, Json> } {
  const synthetic = syntheticProject({ apps });
  const dev = { ...(synthetic.environments.environments.dev as unknown as Json), rateLimits };
  const files: Record<string, Json> = {};
  for (const [key, file] of Object.entries(synthetic.allowlists)) {
    if (file.environments && !file.environments.includes('dev')) continue;
    // Only dev exists here: prod's adoptions (importIds) and retirements go.
    const app = { ...(file.app as unknown as Json) };
    delete app.importIds;
    const data: Json = { ...(file as unknown as Json), app, environments: ['dev'] };
    delete data.retire;
    files[key] = data;
  }
  return { environments: { environments: { dev } }, files };
}

function seedGroups(): SeedGroup[] {
  return groupPool(2000, new SeededRandom(DEFAULT_SEED)).map((entry) =>
    /^00g/.test(entry) ? { id: entry, name: `Group ${entry}` } : { name: entry },
  );
}

/** Runs `work` on every item, at most `limit` at once (the workflow's max-parallel). */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

async function applyUnlimited(org: RunningEmulator, workspace: Workspace, stacks: readonly string[]): Promise<void> {
  // Not `false`: the emulator would still count and answer X-Rate-Limit-Remaining 0, and the
  // provider's governor would sleep to each reset. Huge limits keep setup fast.
  org.setRateLimits({ limits: Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((family) => [family, 1e9])) });
  await pool(stacks, 4, async (stack) => {
    const plan = await workspace.plan(stack);
    if (plan.code === 1) throw new Error(`setup plan of ${stack} failed:\n${plan.stderr.slice(-2000)}`);
    if (plan.code === 2) {
      const apply = await workspace.apply(stack);
      if (apply.code !== 0) throw new Error(`setup apply of ${stack} failed:\n${apply.stderr.slice(-2000)}`);
    }
  });
}

async function measurePlans(
  name: string,
  org: RunningEmulator,
  workspace: Workspace,
  stacks: readonly string[],
  parallelJobs: number,
): Promise<Measure> {
  org.setRateLimits({}); // Okta's Workforce defaults, per minute
  org.clearLog();
  let failed = 0;
  const started = Date.now();
  await pool(stacks, parallelJobs, async (stack) => {
    if ((await workspace.plan(stack)).code === 1) failed++;
  });
  return { name, stacks: stacks.length, wallMs: Date.now() - started, failed, log: [...org.log] };
}

/** Most requests admitted per family in any 60 s span, and 429s. */
function bucketUse(log: readonly RequestLogEntry[]): Record<string, { total: number; peak60s: number; refused: number }> {
  const families: Record<string, { total: number; peak60s: number; refused: number }> = {};
  for (const family of Object.keys(DEFAULT_LIMITS)) {
    const entries = log.filter((e) => e.family === family);
    const admitted = entries
      .filter((e) => e.status !== 429)
      .map((e) => e.startedAt)
      .sort((a, b) => a - b);
    let peak = 0;
    for (let i = 0, j = 0; i < admitted.length; i++) {
      while (admitted[i] - admitted[j] >= 60_000) j++;
      peak = Math.max(peak, i - j + 1);
    }
    if (entries.length) families[family] = { total: entries.length, peak60s: peak, refused: entries.length - admitted.length };
  }
  return families;
}

function row(m: Measure): string {
  const use = bucketUse(m.log);
  const families = Object.entries(use)
    .map(([family, u]) => `${family} ${u.total} (peak ${u.peak60s}/${DEFAULT_LIMITS[family as keyof typeof DEFAULT_LIMITS]} per 60 s)`)
    .join(', ');
  const refused = Object.values(use).reduce((n, u) => n + u.refused, 0);
  return `| ${m.name} | ${m.stacks} | ${m.log.length} | ${refused} | ${(m.wallMs / 1000).toFixed(1)} s${m.failed ? ` (${m.failed} failed)` : ''} | ${families} |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10,100,1000' },
      'applied-up-to': { type: 'string', default: '100' },
      'no-budgets': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const appliedUpTo = Number(values['applied-up-to']);
  const started = Date.now();
  const rows: string[] = [];
  const budgetRows: string[] = [];
  const log = (line: string): void => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`);
  const defaults = { maxApiCapacity: 50, parallelJobs: 4 };

  for (const apps of sizes) {
    const { environments, files } = project(apps, defaults);
    const org = await startOrg(HOST, { seed: { groups: seedGroups() }, rateLimits: false });
    const workspace = Workspace.of({ dev: org.env('https-proxy') }, environments, files);
    try {
      workspace.synth();
      const stacks = workspace.stacks('dev');
      const shards = stacks.filter((s) => !s.endsWith('--shared'));
      log(`${apps} apps (${Object.keys(files).length} in dev), ${stacks.length} stacks`);
      rows.push(row(await measurePlans(`${apps} apps, first plan (nothing applied)`, org, workspace, stacks, 4)));
      log(rows.at(-1)!);
      if (apps <= appliedUpTo) {
        await applyUnlimited(org, workspace, stacks);
        rows.push(row(await measurePlans(`${apps} apps, full plan of the applied environment`, org, workspace, stacks, 4)));
        log(rows.at(-1)!);
        if (!values['no-budgets'] && apps === appliedUpTo) {
          for (const [maxApiCapacity, parallelJobs] of [
            [80, 2],
            [20, 8],
          ]) {
            workspace.writeEnvironments({
              environments: { dev: { ...(environments.environments as { dev: Json }).dev, rateLimits: { maxApiCapacity, parallelJobs } } },
            });
            workspace.synth();
            budgetRows.push(
              row(
                await measurePlans(
                  `${apps} apps applied, maxApiCapacity ${maxApiCapacity}, parallelJobs ${parallelJobs}`,
                  org,
                  workspace,
                  stacks,
                  parallelJobs,
                ),
              ),
            );
            log(budgetRows.at(-1)!);
          }
        }
      } else {
        // A one-app PR plan: the shared stack and the one shard that holds the changed app.
        const shard = shards[0];
        await applyUnlimited(org, workspace, [`dev--shared`, shard]);
        const inShard = (await workspace.stateAddresses(shard)).filter((a) => a.startsWith('okta_app_oauth.')).length;
        const key = Object.keys(files).find(
          (k) => workspace.stackDir(shard).length > 0 && (files[k].owners as string[])[0] === `@acme/${shard.slice('dev--'.length)}`,
        )!;
        workspace.edit(key, (file) => ((file.app as Json).label = `${(file.app as Json).label as string} (renamed)`));
        workspace.synth();
        rows.push(
          row(
            await measurePlans(
              `${apps} apps, one-app PR plan (${shard}: ${inShard} apps, + shared)`,
              org,
              workspace,
              ['dev--shared', shard],
              4,
            ),
          ),
        );
        log(rows.at(-1)!);
      }
    } finally {
      await org.stop();
      workspace.dispose();
    }
  }
  console.log(
    `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; ${((Date.now() - started) / 60000).toFixed(1)} min in all.\n`,
  );
  console.log(
    '| run | stacks | Okta requests | 429 | wall | per family: requests (peak admitted in any 60 s / Workforce limit) |\n| --- | --- | --- | --- | --- | --- |',
  );
  for (const line of rows) console.log(line);
  if (budgetRows.length) {
    console.log('\n| budget | stacks | Okta requests | 429 | wall | per family |\n| --- | --- | --- | --- | --- | --- |');
    for (const line of budgetRows) console.log(line);
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exitCode = 1;
});
