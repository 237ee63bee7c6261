/**
 * `npm run schema`: write the editor JSON Schemas from the TypeBox definitions.
 * `npm run schema -- --check`: exit 1 when a committed schema is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { defineCommand } from '../lib/cli/command-line';
import { runCommand } from '../lib/cli/run';
import { GENERATED_SCHEMAS, renderSchema } from '../lib/schema/json-schemas';

const SCHEMA = defineCommand({
  usage: 'npm run schema -- [--check]',
  summary: 'Writes the editor JSON Schemas from the TypeBox definitions; with --check writes nothing and exits 1 when a committed schema is stale.',
  options: { check: { type: 'boolean', description: 'write nothing; exit 1 when a schema is stale' } },
  example: 'npm run schema -- --check',
});

void runCommand(SCHEMA, ({ values }) => {
  const lines: string[] = [];
  for (const { path, schema } of GENERATED_SCHEMAS) {
    const text = renderSchema(schema);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // A missing schema is simply stale.
    }
    if (current === text) continue;
    if (values.check) {
      process.exitCode = 1;
      lines.push(`${path} is stale: run "npm run schema" and commit the result.`);
    } else {
      writeFileSync(path, text);
      lines.push(`wrote ${path}`);
    }
  }
  return lines.length > 0 ? lines : ['schemas are up to date'];
});
