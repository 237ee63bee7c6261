/**
 * `npm run schema`: write the editor JSON Schemas from the TypeBox definitions.
 * `npm run schema -- --check`: exit 1 when a committed schema is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCommand } from '../lib/cli/run';
import { GENERATED_SCHEMAS, renderSchema } from '../lib/schema/json-schemas';

runCommand(() => {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { check: { type: 'boolean' } } });
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
