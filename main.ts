/**
 * `npm run synth`: validate every allow-list file, then write one Terraform stack per
 * environment to cdktf.out/ (or $CDKTF_OUTDIR when run by `cdktf synth`).
 * Options: --dir <allowlists folder>, --config <environments file>, --out <folder>.
 */
import { parseSourceArgs } from './lib/cli/args';
import { runCommand } from './lib/cli/run';
import { summarize, synthesize } from './lib/cli/synth';
import { loadProject } from './lib/load/load-project';
import { InvalidInputError } from './lib/load/problem';

runCommand(() => {
  const sources = parseSourceArgs(process.argv.slice(2), { out: { type: 'string' } });
  const outdir = (sources.values.out as string | undefined) ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  const { project, problems } = loadProject(sources);
  if (!project) throw new InvalidInputError(problems);
  synthesize(project, outdir);
  return [`Synthesized ${project.plans.length} environment(s) into ${outdir}/stacks:`, ...summarize(project).map((l) => `  ${l}`)];
});
