/**
 * `npm run synth`: validate every allow-list file, then write one Terraform stack per
 * environment to cdktf.out/ (or $CDKTF_OUTDIR when run by `cdktf synth`).
 * Options: --dir <allowlists folder>, --config <environments file>, --out <folder>.
 * The output folder is replaced only when synth created it (see lib/cli/output-folder.ts).
 */
import { parseSourceArgs } from './lib/cli/args';
import { runCommand } from './lib/cli/run';
import { chooseOutputFolder } from './lib/cli/output-folder';
import { summarize, synthesize } from './lib/cli/synth';
import { loadProject } from './lib/load/load-project';
import { InvalidInputError } from './lib/load/problem';

runCommand(() => {
  const sources = parseSourceArgs(process.argv.slice(2), { out: { type: 'string' } });
  const outdir = chooseOutputFolder(sources.values.out as string | undefined);
  const { project, problems } = loadProject(sources);
  if (!project) throw new InvalidInputError(problems);
  synthesize(project, outdir);
  return [`Synthesized ${project.plans.length} environment(s) into ${outdir}/stacks:`, ...summarize(project).map((l) => `  ${l}`)];
});
