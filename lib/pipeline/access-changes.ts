import { EnvironmentModel } from '../model/environment';
import { own } from '../model/own';
import { AppStanding, serverAccessStatus, ServerAccessStatus } from '../plan/access-status';
import { AppChange } from './allowlist-changes';
import { AppSnapshot } from './allowlist-snapshot';

/**
 * Per changed app of one environment: can it get tokens from each custom server it asks for
 * claims, after this change? Read from the files at base and head and the environments file at
 * head; apps whose file was deleted or that are retired with "destroy" are left out.
 */
export function accessOfChanges(
  changes: readonly AppChange[],
  base: ReadonlyMap<string, AppSnapshot>,
  head: ReadonlyMap<string, AppSnapshot>,
  settings: EnvironmentModel,
  environment: string,
): Map<string, ServerAccessStatus[]> {
  const result = new Map<string, ServerAccessStatus[]>();
  for (const change of changes) {
    const after = head.get(change.key);
    if (change.kind === 'removed' || !after || own(after.retire, environment) === 'destroy') continue;
    const before = base.get(change.renamedFrom ?? change.key);
    const statuses = serverAccessStatus(settings, after.claims, standingOf(before, after, environment));
    if (statuses.length > 0) result.set(change.key, statuses);
  }
  return result;
}

const inEnvironment = (app: AppSnapshot, environment: string): boolean => !app.environments || app.environments.includes(environment);

/** New here: a new file, an environment newly listed, a retirement lifted, or an import newly declared (its ID enters the state with the apply). */
function standingOf(before: AppSnapshot | undefined, after: AppSnapshot, environment: string): AppStanding {
  if (own(after.retire, environment) === 'forget') return 'forgotten';
  if (!before || !inEnvironment(before, environment) || own(before.retire, environment) !== undefined) return 'new';
  if (own(after.importIds, environment) !== undefined && own(before.importIds, environment) === undefined) return 'new';
  return 'exists';
}
