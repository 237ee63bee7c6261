/**
 * Runs `body` without the stack traces cdktf records for every token it creates. cdktf (like
 * constructs) calls `Error.captureStackTrace` on a plain object with `Error.stackTraceLimit` set
 * to MAX_SAFE_INTEGER and formats the trace at once; under a TypeScript loader every frame is
 * also mapped through source maps. The traces only decorate errors about tokens that cannot be
 * resolved, and a synth makes tens of thousands of tokens: about a fifth of a large synth's CPU
 * time (BENCHMARKS.md). For the duration of `body`, traces captured on anything that is not an
 * Error format as an empty string, which cdktf reads as "no trace"; real errors keep theirs.
 * Only public Node APIs are used, so a cdktf release that stops capturing changes nothing here.
 */
export function withoutTokenStackTraces<T>(body: () => T): T {
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = (error: unknown, frames: NodeJS.CallSite[]) => {
    if (!(error instanceof Error)) return '';
    return previous
      ? previous(error, frames)
      : `${Error.prototype.toString.call(error)}${frames.map((frame) => `\n    at ${frame}`).join('')}`;
  };
  try {
    return body();
  } finally {
    Error.prepareStackTrace = previous;
  }
}
