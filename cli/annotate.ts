/**
 * `npm run annotate`: validate like `npm run validate`, but print every problem as a GitHub
 * workflow command (`::error file=…,line=…,col=…::…`, or `::warning` for warnings) so that it
 * shows on the pull request's diff. Exits 1 when any problem is an error.
 * With `--base <commit>`, also warns at `owners` of every existing app whose owners differ from
 * that commit: the platform team must review such a change (see docs/policy.md, Limits).
 */
import { projectSources, SOURCE_OPTIONS } from '../lib/cli/args';
import { defineCommand } from '../lib/cli/command-line';
import { runCommand } from '../lib/cli/run';
import { DEFAULT_ALLOWLISTS_DIR, loadProject } from '../lib/load/load-project';
import { toAnnotations } from '../lib/pipeline/annotations';
import { allowlistsAt, allowlistsInFolder } from '../lib/pipeline/git-allowlists';
import { ownerChangeWarnings } from '../lib/pipeline/owner-changes';

const ANNOTATE = defineCommand({
  usage: 'npm run annotate -- [options]',
  summary:
    'Validates like `npm run validate` but prints every problem and warning as a GitHub workflow command (::error / ::warning with file, line and column); exit 1 when any is an error.',
  options: {
    ...SOURCE_OPTIONS,
    base: { type: 'string', value: 'git commit', description: 'also warn at the owners of every app whose owners differ from this commit' },
  },
  example: 'npm run annotate -- --base origin/main',
});

void runCommand(ANNOTATE, ({ values }) => {
  const sources = projectSources(values);
  // Warnings become annotations here rather than stderr lines, so this command loads by itself.
  const { problems, warnings } = loadProject(sources);
  const dir = sources.allowlistsDir ?? DEFAULT_ALLOWLISTS_DIR;
  const ownerChanges = values.base === undefined ? [] : ownerChangeWarnings(allowlistsAt(values.base, { dir }), allowlistsInFolder(dir));
  const all = [...problems, ...warnings, ...ownerChanges];
  const errors = all.filter((p) => p.level !== 'warning').length;
  if (errors > 0) process.exitCode = 1;
  return [...toAnnotations(all), `${errors} error(s), ${all.length - errors} warning(s) in the allow lists.`];
});
