/**
 * `npm run annotate`: validate like `npm run validate`, but print every problem as a GitHub
 * workflow command (`::error file=…,line=…,col=…::…`, or `::warning` for warnings) so that it
 * shows on the pull request's diff. Exits 1 when any problem is an error.
 * With `--base <commit>`, also warns at `owners` of every existing app whose owners differ from
 * that commit: the platform team must review such a change (see docs/policy.md, Limits).
 * Options: --dir <allowlists folder>, --config <environments file>, --policy <policy file>,
 * --base <git commit>.
 */
import { parseSourceArgs } from '../lib/cli/args';
import { runCommand } from '../lib/cli/run';
import { DEFAULT_ALLOWLISTS_DIR, loadProject } from '../lib/load/load-project';
import { toAnnotations } from '../lib/pipeline/annotations';
import { allowlistsAt, allowlistsInFolder } from '../lib/pipeline/git-allowlists';
import { ownerChangeWarnings } from '../lib/pipeline/owner-changes';

runCommand(() => {
  const { values, ...sources } = parseSourceArgs(process.argv.slice(2), { base: { type: 'string' } });
  const { problems, warnings } = loadProject(sources);
  const dir = sources.allowlistsDir ?? DEFAULT_ALLOWLISTS_DIR;
  const base = values.base as string | undefined;
  const ownerChanges = base === undefined ? [] : ownerChangeWarnings(allowlistsAt(base, { dir }), allowlistsInFolder(dir));
  const all = [...problems, ...warnings, ...ownerChanges];
  const errors = all.filter((p) => p.level !== 'warning').length;
  if (errors > 0) process.exitCode = 1;
  return [...toAnnotations(all), `${errors} error(s), ${all.length - errors} warning(s) in the allow lists.`];
});
