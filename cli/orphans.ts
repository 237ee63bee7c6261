/**
 * `npm run orphans -- --env <env> [--stacks-dir cdktf.out/stacks] [--json] [--summary <file>]`:
 * reports Okta apps labelled like this repository's apps that no Terraform state holds (see
 * docs/pipeline.md, "Orphaned apps"). Exit 0 none, 1 orphans found, 2 usage or internal error.
 * Needs OKTA_API_TOKEN (a read-only admin's) and every shard stack initialised with its backend.
 */
import { orphansCommand } from '../lib/orphans/command';

void orphansCommand(process.argv.slice(2), { env: process.env }).then((result) => {
  for (const line of result.stdout) console.log(line);
  for (const line of result.stderr) console.error(line);
  process.exitCode = result.exitCode;
});
