/**
 * `npm run preview`: what a user's tokens would contain, from the files in this checkout.
 *   --app <key> [--env <env>] [--groups "a,b"] [--user-groups-file <file>] [--token id|access]
 *   --group "<name or ID>" [--env <env>] [--token id|access]
 *   --json, --dir <allowlists folder>, --config <environments file>
 * See docs/preview.md.
 */
import { runCommand } from '../lib/cli/run';
import { runPreview } from '../lib/preview/command';

runCommand(() => runPreview(process.argv.slice(2)));
