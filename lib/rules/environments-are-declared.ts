import { FileCheck, FileRule, Finding, quoted } from './rule';

/** Every environment a file names (environments, importIds, retire) exists in the environments file. */
const check: FileCheck = (app, { environments }) => {
  const declared = [...environments.environments.keys()];
  const findings: Finding[] = [];
  const check = (name: string, path: (string | number)[]): void => {
    if (!declared.includes(name)) {
      findings.push({
        path,
        message: `environment "${name}" is not declared: use one of ${quoted(declared)} or add it to the environments file`,
      });
    }
  };
  if (app.sources.environments.given) app.environments.forEach((e, i) => check(e, [...app.sources.environments.path, i]));
  for (const env of Object.keys(app.importIds)) {
    check(env, ['app', 'importIds', env]);
    if (declared.includes(env) && !app.environments.includes(env)) {
      findings.push({
        path: ['app', 'importIds', env],
        message: `app.importIds names "${env}", but the app is not deployed there: add "${env}" to "environments" or remove the import`,
      });
    }
  }
  for (const env of Object.keys(app.retire)) check(env, ['retire', env]);
  return findings;
};

export const environmentsAreDeclared: FileRule = {
  id: 'environments-are-declared',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Environments exist',
  explanation:
    'Every environment a file names in `environments`, `app.importIds` and `retire` must be declared in the environments file, and an app is imported only where it is deployed; otherwise the entry would silently do nothing.',
  check,
};
