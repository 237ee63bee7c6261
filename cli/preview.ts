/**
 * `npm run preview`: what a user's tokens would contain, from the files in this checkout.
 * `npm run preview -- --help` lists the options; see docs/preview.md.
 */
import { runCommand } from '../lib/cli/run';
import { PREVIEW, runPreview } from '../lib/preview/command';

// runPreview parses the command line itself (its tests call it with argv); runCommand's parse
// only answers --help and usage errors first, the same way as every other command.
void runCommand(PREVIEW, () => runPreview(process.argv.slice(2)));
