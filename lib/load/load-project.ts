import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AllowlistFile } from '../model/allowlist-file';
import { AppModel, appModelOf, CheckedFile } from '../model/app';
import { EnvironmentsFile, EnvironmentsFileData } from '../model/environments-file';
import { EnvironmentPlan, planEnvironments } from '../plan/environment-plan';
import { allowlistHasOneKind, ENVIRONMENTS_RULES, FILE_RULES } from '../rules';
import { Finding } from '../rules/rule';
import { JsonDocument } from './json-document';
import { Problem, sortProblems } from './problem';
import { SchemaChecker } from './schema-problems';

export const DEFAULT_ALLOWLISTS_DIR = 'allowlists';
export const DEFAULT_ENVIRONMENTS_FILE = 'stacks/environments.json';

/** Files in the allow-lists folder that are not allow lists. */
const NOT_ALLOWLISTS = new Set(['schema.json']);

export interface ProjectSources {
  /** Folder of `<app-key>.json` files. @default "allowlists" */
  readonly allowlistsDir?: string;
  /** The environments file. @default "stacks/environments.json" */
  readonly environmentsFile?: string;
}

export interface Project {
  readonly environments: EnvironmentsFileData;
  readonly apps: readonly AppModel[];
  readonly plans: readonly EnvironmentPlan[];
}

const allowlistSchema = new SchemaChecker(AllowlistFile);
const environmentsSchema = new SchemaChecker(EnvironmentsFile);

/**
 * Loads and validates everything. Returns every problem in every file; `project` is set only
 * when there are none, so nothing downstream ever sees a half-valid model.
 */
export function loadProject(sources: ProjectSources = {}): { project?: Project; problems: Problem[] } {
  const dir = sources.allowlistsDir ?? DEFAULT_ALLOWLISTS_DIR;
  const environmentsPath = sources.environmentsFile ?? DEFAULT_ENVIRONMENTS_FILE;
  const problems: Problem[] = [];

  const environments = loadEnvironments(environmentsPath, problems);
  const files = listAllowlists(dir, problems).flatMap((path) => checkAllowlistShape(path, problems));
  if (!environments) return { problems: sortProblems(problems) };

  const apps = files.map((file) => appModelOf(file, environments));
  for (const app of apps) {
    problems.push(...located(app.document, FILE_RULES.flatMap((rule) => rule(app, { environments }))));
  }
  if (problems.length > 0) return { problems: sortProblems(problems) };

  const { plans, problems: conflicts } = planEnvironments(apps, environments);
  if (conflicts.length > 0) return { problems: sortProblems(conflicts) };
  return { project: { environments, apps, plans }, problems: [] };
}

function loadEnvironments(path: string, problems: Problem[]): EnvironmentsFileData | undefined {
  const document = parseFile(path, problems);
  if (!document) return undefined;
  const shape = environmentsSchema.problems(document);
  problems.push(...shape);
  if (shape.length > 0) return undefined;
  const data = document.value as EnvironmentsFileData;
  const findings = located(document, ENVIRONMENTS_RULES.flatMap((rule) => rule(data)));
  problems.push(...findings);
  return findings.length > 0 ? undefined : data;
}

function listAllowlists(dir: string, problems: Problem[]): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    problems.push({ file: dir, line: 1, column: 1, message: `cannot read the allow-lists folder: ${(error as Error).message}` });
    return [];
  }
  return names
    .filter((name) => name.endsWith('.json') && !NOT_ALLOWLISTS.has(name))
    .sort()
    .map((name) => join(dir, name));
}

function checkAllowlistShape(path: string, problems: Problem[]): CheckedFile[] {
  const document = parseFile(path, problems);
  if (!document) return [];
  const shape = allowlistSchema.problems(document);
  if (shape.length > 0) {
    problems.push(...shape);
    return [];
  }
  const data = document.value as CheckedFile['data'];
  const kind = located(document, allowlistHasOneKind(data));
  problems.push(...kind);
  return kind.length > 0 ? [] : [{ key: basename(path, '.json'), document, data }];
}

function parseFile(path: string, problems: Problem[]): JsonDocument | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push({ file: path, line: 1, column: 1, message: `cannot read the file: ${(error as Error).message}` });
    return undefined;
  }
  const { document, problems: syntax } = JsonDocument.parse(path, text);
  problems.push(...syntax);
  return document;
}

function located(document: JsonDocument, findings: readonly Finding[]): Problem[] {
  return findings.map((f) => document.problem(f.path, f.message));
}
