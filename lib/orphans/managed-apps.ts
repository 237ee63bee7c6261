import { Project } from '../load/load-project';

/** What this repository says about one environment's apps: the marker an orphan is found by. */
export interface ManagedApps {
  /** Keys of the apps this repository manages in the environment, by their Okta label. */
  readonly keysByLabel: ReadonlyMap<string, readonly string[]>;
  /** Existing apps the files adopt with `importIds` (not orphans, even before the import is applied). */
  readonly importIds: ReadonlySet<string>;
}

/**
 * The apps `environment` holds according to the allow-list files: every app listed for it and
 * not retired there. Retired apps are left out: a "forget" leaves the app in Okta on purpose,
 * and its label alone must not make it an orphan (unless a managed app reuses that label).
 */
export function managedApps(project: Project, environment: string): ManagedApps {
  const declared = [...project.environments.environments.keys()];
  if (!declared.includes(environment)) {
    throw new Error(`unknown environment "${environment}"; the environments file declares ${declared.join(', ')}`);
  }
  const keysByLabel = new Map<string, string[]>();
  const importIds = new Set<string>();
  for (const app of project.apps) {
    if (!app.environments.includes(environment) || app.retire[environment] !== undefined) continue;
    keysByLabel.set(app.label, [...(keysByLabel.get(app.label) ?? []), app.key]);
    const imported = app.importIds[environment];
    if (imported) importIds.add(imported);
  }
  return { keysByLabel, importIds };
}
