import { JsonDocument } from '../load/json-document';
import { Problem } from '../load/problem';
import { AllowlistFileData } from '../model/allowlist-file';
import { AppModel } from '../model/app';
import { EnvironmentsFileData } from '../model/environments-file';
import { builtInRules } from '.';
import { Finding, RuleContext } from './rule';

function located(document: JsonDocument, findings: readonly Finding[]): Problem[] {
  return findings.map((f) => document.problem(f.path, f.message));
}

/** Problems the environments-scope rules find in the (schema-valid) environments file. */
export function checkEnvironmentsFile(document: JsonDocument, environments: EnvironmentsFileData): Problem[] {
  return located(
    document,
    builtInRules('environments').flatMap((rule) => rule.check(environments)),
  );
}

/** Problems the written-file rules find in one schema-valid allow-list file, before its model is built. */
export function checkWrittenFile(document: JsonDocument, data: AllowlistFileData): Problem[] {
  return located(
    document,
    builtInRules('written-file').flatMap((rule) => rule.check(data)),
  );
}

/** Problems the built-in file rules find in one app's file. */
export function checkFile(app: AppModel, context: RuleContext): Problem[] {
  return located(
    app.document,
    builtInRules('file').flatMap((rule) => rule.check(app, context)),
  );
}

/** Problems the project rules find between files; each is placed in the file it names. */
export function checkProject(apps: readonly AppModel[], context: RuleContext): Problem[] {
  return builtInRules('project').flatMap((rule) => rule.check(apps, context).map((f) => f.app.document.problem(f.path, f.message)));
}
