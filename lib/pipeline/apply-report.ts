import { commentMarker } from './comment';
import { escapeMarkdown, fenced } from './markdown';

/** How one stack's apply ended, as the apply job left it. */
export interface StackApply {
  readonly stack: string;
  /** `applied`, `failed`, or `not-applied` (the job never ran: rejected, cancelled, an earlier failure). */
  readonly outcome: 'applied' | 'failed' | 'not-applied';
  /** The end of Terraform's output, for a failed stack. */
  readonly error?: string;
}

/**
 * The body of the environment's apply-failure issue: which stacks were merged but not applied,
 * why, and the exact steps to apply them. Keeps the marker first so that the next run finds it.
 */
export function applyFailureBody(environment: string, stacks: readonly StackApply[], runUrl: string, commit: string): string {
  const failed = stacks.filter((s) => s.outcome !== 'applied');
  return [
    commentMarker('apply-failed', environment),
    `## Okta apply failed in \`${environment}\``,
    `Changes merged to main (${commit.slice(0, 12)}) are **not applied** in these stacks ([run](${runUrl})):`,
    ...failed.map(
      (s) =>
        `- \`${s.stack}\`: ${s.outcome === 'failed' ? 'the apply failed' : 'never applied (rejected, cancelled, or stopped by an earlier failure)'}`,
    ),
    '',
    '### To apply them',
    `1. Read the error below; if a stack's plan is refused as stale or a transient error outlasted the retries, open [the run](${runUrl}) and use **Re-run all jobs** (it plans again and posts the plan; "Re-run failed jobs" would reuse the old plan).`,
    '2. Or run the **Apply** workflow by hand (Actions > Apply > Run workflow on `main`): it plans and applies every stack.',
    '3. After an apply that stopped part-way, run `npm run orphans -- --env ' +
      environment +
      '` first (docs/pipeline.md, "Orphaned apps").',
    '',
    'This issue is updated by every failing apply and closed by the apply that brings all its stacks in line with main.',
    ...failed
      .filter((s) => s.error)
      .flatMap((s) => ['', `<details><summary>${escapeMarkdown(s.stack)}: error</summary>`, '', fenced(s.error!), '</details>']),
  ].join('\n');
}
