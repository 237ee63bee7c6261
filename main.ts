/**
 * `npm run synth`: validate every allow-list file, then write the Terraform stacks of every
 * environment (or only those --stacks or --affected select) to cdktf.out/ (or $CDKTF_OUTDIR when
 * run by `cdktf synth`).
 * The output folder is replaced only when synth created it (see lib/cli/output-folder.ts).
 */
import { projectSources, SOURCE_OPTIONS } from './lib/cli/args';
import { defineCommand } from './lib/cli/command-line';
import { loadValidProject } from './lib/cli/load';
import { runCommand } from './lib/cli/run';
import { chooseOutputFolder } from './lib/cli/output-folder';
import { selectedStacks, STACK_SELECTION_OPTIONS } from './lib/cli/stack-selection';
import { summarize, synthesize } from './lib/cli/synth';

const SYNTH = defineCommand({
  usage: 'npm run synth -- [options]',
  summary:
    'Validates the allow lists like `npm run validate` (warnings on stderr); on any problem exits 1 and writes nothing, otherwise writes every stack of every environment, or only the stacks --stacks or --affected select.',
  options: {
    ...SOURCE_OPTIONS,
    out: {
      type: 'string',
      value: 'folder',
      description: 'where to write stacks/<stack>/cdk.tf.json',
      defaultText: '$CDKTF_OUTDIR, else cdktf.out',
    },
    ...STACK_SELECTION_OPTIONS,
  },
  example: 'npm run synth -- --out /tmp/cdktf.out',
});

void runCommand(SYNTH, ({ values }) => {
  const outdir = chooseOutputFolder(values.out);
  const project = loadValidProject(projectSources(values));
  const selected = selectedStacks(project, values);
  if (selected?.size === 0) return [`Every file is valid; the selection names no stack, so ${outdir} was left as it was.`];
  synthesize(project, outdir, selected && ((stack) => selected.has(stack)));
  if (selected)
    return [
      `Synthesized ${selected.size} of the project's stacks into ${outdir}/stacks (its other stack folders are kept as they were):`,
      ...[...selected].map((stack) => `  ${stack}`),
    ];
  return [`Synthesized ${project.plans.length} environment(s) into ${outdir}/stacks:`, ...summarize(project).map((l) => `  ${l}`)];
});
