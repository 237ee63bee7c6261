import { PROFILE_KEYS } from '../okta/expressions';
import { ManagedApps } from './managed-apps';
import { OktaApp } from './okta-apps';

/** An app on the org that looks like this repository's but that no state holds. */
export interface Orphan {
  readonly id: string;
  readonly label: string;
  readonly status: string;
  readonly created: string;
  readonly clientId?: string;
  /** Keys of the allow-list files that use this label. */
  readonly keys: readonly string[];
  /** The app whose label it shares is in a state (so this one is a duplicate of a managed app). */
  readonly duplicateOf?: string;
  /** Its profile carries this repository's keys (`groupallowlist…`): more evidence it was created from here. */
  readonly profileMarked: boolean;
}

/**
 * Profile keys this repository writes, and the one earlier versions wrote (`groupallowlistdynamic`);
 * Okta's own guide uses `groupallowlist` too, so they are evidence, not proof.
 */
const MARKING_KEYS = [...Object.values(PROFILE_KEYS), 'groupallowlistdynamic'];

function profileMarked(profile: unknown): boolean {
  let value = profile;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return false;
    }
  }
  return typeof value === 'object' && value !== null && MARKING_KEYS.some((key) => Object.hasOwn(value as object, key));
}

/**
 * The orphans among the org's apps: the label is one this repository manages in the
 * environment, but the ID is in no state and is no app the files adopt with `importIds`.
 */
export function findOrphans(apps: readonly OktaApp[], managed: ManagedApps, stateIds: ReadonlySet<string>): Orphan[] {
  const heldByLabel = new Map<string, string>();
  for (const app of apps) if (stateIds.has(app.id)) heldByLabel.set(app.label, app.id);
  return apps
    .filter((app) => managed.keysByLabel.has(app.label) && !stateIds.has(app.id) && !managed.importIds.has(app.id))
    .map((app) => ({
      id: app.id,
      label: app.label,
      status: app.status,
      created: app.created,
      clientId: app.clientId,
      keys: managed.keysByLabel.get(app.label) ?? [],
      duplicateOf: heldByLabel.get(app.label),
      profileMarked: profileMarked(app.profile),
    }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
}
