import { ResourceChangeJson, TerraformPlanJson } from './plan-json';

/**
 * Whether the plan about to be applied is the plan people reviewed on the pull request.
 *
 * The apply job never runs a plan file that the pull request's run produced: that run executed
 * the pull request's own code, which could have uploaded a plan other than the one its comment
 * showed. Main's code plans again at apply time, and the plan is applied without a further look
 * only when its changes are exactly the reviewed ones (same resources, same actions, same values
 * before and after). Anything else (main moved for the stack, another apply changed its state, Okta
 * changed in between, no reviewed plan at all) is "unreviewed": it is posted and needs approval.
 */
export type ReviewStatus = 'no-changes' | 'reviewed' | 'unreviewed';

export interface Review {
  readonly status: ReviewStatus;
  /** Why, in one sentence, for the job log and the comment. */
  readonly reason: string;
}

/** A plan as `terraform show -json` writes it, with the outputs the managed-apps guard keeps. */
export interface ReviewablePlan extends TerraformPlanJson {
  readonly output_changes?: Readonly<
    Record<string, { readonly actions: readonly string[]; readonly after?: unknown; readonly after_unknown?: unknown }>
  >;
}

/** Every change the plan makes, by address, as a comparable string; no-ops and reads left out. */
export function changesOf(plan: ReviewablePlan): Map<string, ResourceChangeJson['change']> {
  const changes = new Map<string, ResourceChangeJson['change']>();
  for (const { address, change } of plan.resource_changes ?? []) {
    const acts = change.actions.filter((a) => a !== 'no-op' && a !== 'read');
    if (acts.length > 0 || change.importing) changes.set(address, change);
  }
  for (const [name, change] of Object.entries(plan.output_changes ?? {})) {
    // after_unknown too: an output holding new IDs (app_ids) is unknown in a plan made before they existed.
    if (change.actions.some((a) => a !== 'no-op'))
      changes.set(`output.${name}`, { actions: change.actions, after: change.after, after_unknown: change.after_unknown });
  }
  return changes;
}

/** The parts of a change that decide what happens in Okta; attributes unknown in `reference` are compared as unknown. */
function comparable(change: ResourceChangeJson['change'], reference: ResourceChangeJson['change']): string {
  // `true`: the whole value was unknown (an output that is all new IDs), so any value matches.
  if (reference.after_unknown === true)
    return stableJson({ actions: change.actions, before: change.before, importing: change.importing?.id });
  const unknown = (reference.after_unknown ?? {}) as Record<string, unknown>;
  const after = change.after && typeof change.after === 'object' ? { ...(change.after as Record<string, unknown>) } : change.after;
  if (after && typeof after === 'object')
    for (const key of Object.keys(unknown)) if (unknown[key]) delete (after as Record<string, unknown>)[key];
  return stableJson({ actions: change.actions, before: change.before, after, importing: change.importing?.id });
}

/** JSON with sorted keys, so that two plans of the same change compare equal. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Addresses of `plan`'s changes that `reference` does not make identically. */
function differing(plan: ReviewablePlan, reference: ReviewablePlan): string[] {
  const theirs = changesOf(reference);
  return [...changesOf(plan)]
    .filter(([address, change]) => {
      const other = theirs.get(address);
      return !other || comparable(change, other) !== comparable(other, other);
    })
    .map(([address]) => address);
}

/** Compares the plan made at apply time with the pull request's reviewed plan of the same stack. */
export function reviewPlan(fresh: ReviewablePlan, reviewed: ReviewablePlan | undefined): Review {
  const count = changesOf(fresh).size;
  if (count === 0) return { status: 'no-changes', reason: 'no changes: nothing to apply, nothing to approve' };
  if (!reviewed) return { status: 'unreviewed', reason: 'no plan of this stack was reviewed on a pull request for this commit' };
  const extra = differing(fresh, reviewed);
  const missing = differing(reviewed, fresh);
  if (extra.length === 0 && missing.length === 0)
    return { status: 'reviewed', reason: `the same ${count} change(s) as the plan reviewed on the pull request` };
  const names = [...new Set([...extra, ...missing])];
  return {
    status: 'unreviewed',
    reason: `differs from the plan reviewed on the pull request (main, the state or Okta changed since) in ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`,
  };
}

/**
 * After an apply that failed part-way, whether the new plan only finishes the reviewed one: every
 * change it makes is one the reviewed plan made, identically (values the reviewed plan could not
 * know yet, such as new IDs, excepted). Then it may be applied without another review.
 */
export function finishesReviewed(
  fresh: ReviewablePlan,
  reviewed: ReviewablePlan,
): { readonly ok: boolean; readonly differing: readonly string[] } {
  const extra = differing(fresh, reviewed);
  return { ok: extra.length === 0, differing: extra };
}
