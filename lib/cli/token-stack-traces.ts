/**
 * Runs `body` without the stack traces cdktf records for every token and output reference it
 * creates. cdktf (like constructs) sets `Error.stackTraceLimit` to MAX_SAFE_INTEGER and calls
 * `Error.captureStackTrace` on a plain object, for every one: walking and formatting tens of
 * thousands of deep stacks was up to a fifth of a large synth's CPU time (BENCHMARKS.md). The
 * traces only decorate errors about tokens that cannot be resolved.
 *
 * While `body` runs, `Error.stackTraceLimit` is an accessor: code reads back what it wrote, but
 * V8 captures no frames while the limit is not a plain number (Node documents that a non-number
 * limit captures none). An error thrown by synthesis keeps its message, which is all a command
 * prints. Only public Node APIs are used, so a cdktf release that stops capturing changes nothing.
 */
export function withoutTokenStackTraces<T>(body: () => T): T {
  const original = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  let limit: unknown = Error.stackTraceLimit;
  Object.defineProperty(Error, 'stackTraceLimit', {
    configurable: true,
    enumerable: original?.enumerable ?? true,
    get: () => limit,
    set: (value: unknown) => {
      limit = value;
    },
  });
  try {
    return body();
  } finally {
    if (original) Object.defineProperty(Error, 'stackTraceLimit', original);
    else delete (Error as { stackTraceLimit?: number }).stackTraceLimit;
  }
}
