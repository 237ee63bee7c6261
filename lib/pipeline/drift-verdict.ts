import type { StackDecision } from './affected-stacks';

/** What one environment's drift plans found. */
export interface DriftVerdict {
  /** `drift`: at least one stack differs from main (open or update the issue); `clean`: every stack matches (close it); `unknown`: no drift seen, but some stack could not be checked (leave the issue alone). */
  readonly verdict: 'drift' | 'clean' | 'unknown';
  /** Stacks whose plan failed or left no exit code. */
  readonly failed: readonly string[];
}

/**
 * Reads `plan -detailed-exitcode` results: 0 clean, 2 changes, anything else (or nothing, when
 * the job died) an error. Only a run that checked every stack may call the environment clean.
 */
export function driftVerdict(stacks: readonly StackDecision[], exitCodeOf: (stack: string) => number | undefined): DriftVerdict {
  const codes = stacks.map((s) => [s.stack, exitCodeOf(s.stack)] as const);
  const failed = codes.filter(([, code]) => code !== 0 && code !== 2).map(([stack]) => stack);
  const verdict = codes.some(([, code]) => code === 2) ? 'drift' : failed.length > 0 ? 'unknown' : 'clean';
  return { verdict, failed };
}
