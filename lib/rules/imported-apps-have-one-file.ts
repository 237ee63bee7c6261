import { AppModel } from '../model/app';
import { ProjectCheck, ProjectFinding, ProjectRule } from './rule';

/** An Okta app is adopted by one file: two import blocks for one ID would give it two owners in Terraform. */
const check: ProjectCheck = (apps) => {
  const findings: ProjectFinding[] = [];
  const first = new Map<string, AppModel>();
  for (const app of apps) {
    for (const [environment, id] of Object.entries(app.importIds)) {
      const identity = `${environment}\u0000${id}`;
      const earlier = first.get(identity);
      if (!earlier) {
        first.set(identity, app);
      } else {
        findings.push({
          app,
          path: ['app', 'importIds', environment],
          message: `app.importIds.${environment} must name an Okta app no other file adopts, but ${earlier.file} also imports "${id}" in "${environment}": one Okta app can be managed by one allow-list file only. Remove the import from one of the two files`,
        });
      }
    }
  }
  return findings;
};

export const importedAppsHaveOneFile: ProjectRule = {
  id: 'imported-apps-have-one-file',
  scope: 'project',
  level: 'error',
  configurable: false,
  title: 'An imported Okta app has one file',
  explanation:
    'An existing Okta app is adopted (`app.importIds`) by one allow-list file per environment: two files importing one app ID would give it two owners in Terraform.',
  check,
};
