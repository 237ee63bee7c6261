/**
 * `npm run codeowners`: write .github/CODEOWNERS from each allow-list file's "owners" and the
 * fallback owners in .github/codeowners.json. With --check, write nothing and exit 1 when the
 * committed file differs from the generated one.
 * Options: --check, --dir <allowlists folder>, --config <environments file>.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseSourceArgs } from '../lib/cli/args';
import { runCommand } from '../lib/cli/run';
import { loadProject } from '../lib/load/load-project';
import { InvalidInputError } from '../lib/load/problem';
import { CODEOWNERS_FILE, loadCodeownersConfig, renderCodeowners } from '../lib/pipeline/codeowners';

runCommand(() => {
  const sources = parseSourceArgs(process.argv.slice(2), { check: { type: 'boolean' } });
  const { project, problems } = loadProject(sources);
  if (!project) throw new InvalidInputError(problems);
  const expected = renderCodeowners(project.apps, loadCodeownersConfig());
  if (!sources.values.check) {
    writeFileSync(CODEOWNERS_FILE, expected);
    return [`wrote ${CODEOWNERS_FILE} for ${project.apps.length} allow-list file(s)`];
  }
  if (existsSync(CODEOWNERS_FILE) && readFileSync(CODEOWNERS_FILE, 'utf8') === expected) return [`${CODEOWNERS_FILE} is up to date`];
  process.exitCode = 1;
  return [`::error file=${CODEOWNERS_FILE}::${CODEOWNERS_FILE} is stale: run \`npm run codeowners\` and commit the result`];
});
