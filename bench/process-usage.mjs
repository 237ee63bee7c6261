// Preloaded into every benchmarked Node process (NODE_OPTIONS=--import): on exit, appends the
// process's peak resident set size to $BENCH_USAGE_FILE, so the runner needs no /usr/bin/time.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    // maxRSS is in kilobytes.
    appendFileSync(file, `${JSON.stringify({ pid: process.pid, argv: process.argv.slice(1), maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
  });
}
