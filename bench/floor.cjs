// The floor of a synth: what reading and writing the files costs, with nothing else. Reads and
// parses every allow-list file of --dir (and the environments file) and writes one JSON file per
// 20 apps to --out, in plain Node (no TypeScript loader). `npm run bench` runs it next to the
// project's route, pair by pair, and reports route / floor.
// Usage: node bench/floor.cjs --dir <allowlists> --config <environments file> --out <folder>
const { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { parseArgs } = require('node:util');

const { values } = parseArgs({
  options: { dir: { type: 'string' }, config: { type: 'string' }, out: { type: 'string' }, policy: { type: 'string' } },
});
const environments = JSON.parse(readFileSync(values.config, 'utf8'));
if (values.policy) JSON.parse(readFileSync(values.policy, 'utf8'));
const files = readdirSync(values.dir)
  .filter((name) => name.endsWith('.json') && name !== 'schema.json')
  .sort();
const apps = files.map((name) => ({ key: name.slice(0, -5), data: JSON.parse(readFileSync(join(values.dir, name), 'utf8')) }));
rmSync(values.out, { recursive: true, force: true });
mkdirSync(values.out, { recursive: true });
for (let i = 0; i < apps.length; i += 20) {
  const chunk = apps.slice(i, i + 20);
  writeFileSync(
    join(values.out, `chunk-${i / 20}.json`),
    JSON.stringify({ environments: Object.keys(environments.environments), apps: chunk }, null, 2),
  );
}
