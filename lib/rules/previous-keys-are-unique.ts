import { AppModel } from '../model/app';
import { ProjectCheck, ProjectFinding, ProjectRule } from './rule';

/** A rename moves one app's state to the new key: the old file is gone, and one file takes it over. */
const check: ProjectCheck = (apps) => {
  const findings: ProjectFinding[] = [];
  const byKey = new Map(apps.map((a) => [a.key, a]));
  const claimedBy = new Map<string, AppModel>();
  for (const app of apps) {
    app.previousKeys.forEach((key, index) => {
      const path = ['previousKeys', index];
      if (byKey.has(key) && key !== app.key) {
        findings.push({
          app,
          path,
          message: `previousKeys names "${key}", but ${byKey.get(key)?.file} still exists: a renamed app has one file. Delete the old file, or remove "${key}" here`,
        });
      }
      const earlier = claimedBy.get(key);
      if (earlier)
        findings.push({
          app,
          path,
          message: `previousKeys names "${key}", which ${earlier.file} also names: only one file can take over an app`,
        });
      else claimedBy.set(key, app);
    });
  }
  return findings;
};

export const previousKeysAreUnique: ProjectRule = {
  id: 'previous-keys-are-unique',
  scope: 'project',
  level: 'error',
  configurable: false,
  title: 'A previous key is taken over once',
  explanation:
    "`previousKeys` names a renamed app's earlier keys, so its state moves to the new file: no file with that key may still exist, and only one file can take over a key.",
  check,
};
