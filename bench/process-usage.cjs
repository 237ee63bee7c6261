// Preloaded into every benchmarked Node process (NODE_OPTIONS=--require): on exit, appends the
// process's peak resident set size to $BENCH_USAGE_FILE, so the runner needs no /usr/bin/time.
// CommonJS and --require, not --import: any --import makes Node load the entry point as ESM,
// which breaks ts-node's CommonJS hook, the route this benchmark compares against.
const { appendFileSync } = require('node:fs');

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    // maxRSS is in kilobytes.
    appendFileSync(file, `${JSON.stringify({ pid: process.pid, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
  });
}
