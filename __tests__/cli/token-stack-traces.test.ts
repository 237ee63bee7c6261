import { withoutTokenStackTraces } from '../../lib/cli/token-stack-traces';

describe('withoutTokenStackTraces', () => {
  // What cdktf does for every token: an unlimited trace captured on a plain object.
  const captureLikeCdktf = (): string | undefined => {
    const object: { stack?: string } = { stack: '' };
    const previous = Error.stackTraceLimit;
    Error.stackTraceLimit = Number.MAX_SAFE_INTEGER;
    Error.captureStackTrace(object);
    Error.stackTraceLimit = previous;
    return object.stack;
  };

  test('captures no frames while the body runs, and gives the body back what it sets', () => {
    const inside = withoutTokenStackTraces(() => {
      Error.stackTraceLimit = 7;
      return { limit: Error.stackTraceLimit, trace: captureLikeCdktf(), error: new Error('bad token') };
    });
    expect(inside.limit).toBe(7);
    expect(inside.trace).toBeFalsy(); // cdktf reads that as "no trace"
    expect(inside.error.message).toBe('bad token');
  });

  test('restores the limit and full traces afterwards, also when the body throws', () => {
    const before = Error.stackTraceLimit;
    expect(() =>
      withoutTokenStackTraces(() => {
        throw new Error('synthesis failed');
      }),
    ).toThrow(/synthesis failed/);
    expect(Error.stackTraceLimit).toBe(before);
    expect(Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')).toHaveProperty('value', before);
    expect(captureLikeCdktf()).toMatch(/\n\s+at /);
  });
});
