/**
 * `npm run codeowners`: write .github/CODEOWNERS from each allow-list file's "owners" and the
 * fallback owners in .github/codeowners.json. With --check, write nothing and exit 1 when the
 * committed file differs from the generated one.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { projectSources, SOURCE_OPTIONS } from '../lib/cli/args';
import { defineCommand } from '../lib/cli/command-line';
import { loadValidProject } from '../lib/cli/load';
import { runCommand } from '../lib/cli/run';
import { CODEOWNERS_FILE, loadCodeownersConfig, renderCodeowners } from '../lib/pipeline/codeowners';

const CODEOWNERS = defineCommand({
  usage: 'npm run codeowners -- [options]',
  summary: `Writes ${CODEOWNERS_FILE} from each allow-list file's owners and the fallback owners in .github/codeowners.json; with --check writes nothing and exits 1 when the committed file is stale.`,
  options: { check: { type: 'boolean', description: 'write nothing; exit 1 when the committed file differs' }, ...SOURCE_OPTIONS },
  example: 'npm run codeowners -- --check',
});

void runCommand(CODEOWNERS, ({ values }) => {
  const project = loadValidProject(projectSources(values));
  const expected = renderCodeowners(project.apps, loadCodeownersConfig());
  if (!values.check) {
    writeFileSync(CODEOWNERS_FILE, expected);
    return [`wrote ${CODEOWNERS_FILE} for ${project.apps.length} allow-list file(s)`];
  }
  if (existsSync(CODEOWNERS_FILE) && readFileSync(CODEOWNERS_FILE, 'utf8') === expected) return [`${CODEOWNERS_FILE} is up to date`];
  process.exitCode = 1;
  return [`::error file=${CODEOWNERS_FILE}::${CODEOWNERS_FILE} is stale: run \`npm run codeowners\` and commit the result`];
});
