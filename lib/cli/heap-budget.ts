import { getHeapStatistics } from 'node:v8';

/** How far the heap may grow past what was live after the last collection: 10,000 apps stay under 600 MB. */
const HEAP_HEADROOM_BYTES = 160 * 1024 * 1024;

/**
 * Keeps a long synthesis within a fixed margin of the memory it really uses. Each stack's
 * constructs become garbage once its file is written, but V8 grows the heap by up to four times
 * before it collects old garbage: 10,000 apps peaked near 1 GB with under 200 MB live
 * (BENCHMARKS.md). The returned check, called after each stack, runs a full collection whenever
 * the heap has grown `headroomBytes` past what the previous one left, and once at the start when
 * the heap is already larger than that. It needs the process to run with `--expose-gc`
 * (package.json's synth and affected do); without it the check does nothing.
 */
export function heapBudget(
  headroomBytes: number = HEAP_HEADROOM_BYTES,
  collect: (() => void) | undefined = globalThis.gc,
  used: () => number = () => getHeapStatistics().used_heap_size,
): () => void {
  if (!collect) return () => undefined;
  // The first check runs at once: what loading left behind is mostly garbage in a large project.
  let limit = headroomBytes;
  const check = (): void => {
    if (used() <= limit) return;
    collect();
    limit = used() + headroomBytes;
  };
  check();
  return check;
}
