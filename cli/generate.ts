/**
 * `npm run generate`: write every generated file (the editor JSON Schemas, CODEOWNERS,
 * .gitattributes and the rules table of docs/policy.md). With --check, write nothing and exit 1
 * naming each stale file.
 */
import { defineCommand } from '../lib/cli/command-line';
import { runCommand } from '../lib/cli/run';
import { generate } from '../lib/generate/generate';

const GENERATE = defineCommand({
  usage: 'npm run generate -- [--check]',
  summary:
    'Writes the JSON Schemas, .github/CODEOWNERS, .gitattributes and the rules table of docs/policy.md from their sources; with --check writes nothing and exits 1 naming each stale file.',
  options: { check: { type: 'boolean', description: 'write nothing; exit 1 when a generated file is stale' } },
  example: 'npm run generate -- --check',
});

void runCommand(GENERATE, ({ values }) => {
  const { lines, stale } = generate(process.cwd(), values.check === true);
  if (stale.length > 0) process.exitCode = 1;
  return lines.length > 0 ? lines : ['generated files are up to date'];
});
