/**
 * `npm run annotate`: validate like `npm run validate`, but print every problem as a GitHub
 * workflow command (`::error file=…,line=…,col=…::…`, or `::warning` for warnings) so that it
 * shows on the pull request's diff. Exits 1 when any problem is an error.
 * Options: --dir <allowlists folder>, --config <environments file>.
 */
import { parseSourceArgs } from '../lib/cli/args';
import { runCommand } from '../lib/cli/run';
import { loadProject } from '../lib/load/load-project';
import { toAnnotations } from '../lib/pipeline/annotations';

runCommand(() => {
  const { problems, warnings } = loadProject(parseSourceArgs(process.argv.slice(2)));
  const all = [...problems, ...warnings];
  const errors = all.filter((p) => p.level !== 'warning').length;
  if (errors > 0) process.exitCode = 1;
  return [...toAnnotations(all), `${errors} error(s), ${all.length - errors} warning(s) in the allow lists.`];
});
