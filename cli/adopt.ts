/**
 * `npm run adopt -- --env <env> (--app <label or ID>… | --all) (--owner <@org/team>… | --owners-file <file>)
 * [--out allowlists] [--dry-run] [--force-partial]`, or `-- --env <env> --check`: brings existing
 * Okta apps under management (README, "Bringing an existing org under management").
 * Needs OKTA_API_TOKEN (a read-only admin's); honours OKTA_HTTP_PROXY. Exit 0 done, 1 apps
 * skipped or --check found something, 2 usage or internal error.
 */
import { adoptCommand } from '../lib/adopt/command';

void adoptCommand(process.argv.slice(2), { env: process.env, progress: (message) => console.error(message) }).then((result) => {
  for (const line of result.stdout) console.log(line);
  for (const line of result.stderr) console.error(line);
  process.exitCode = result.exitCode;
});
