import { basename, dirname, join } from 'node:path';
import { AllowlistFile } from '../model/allowlist-file';
import { AppModel, appModelOf, CheckedFile } from '../model/app';
import { EnvironmentsFile, EnvironmentsFileData } from '../model/environments-file';
import { EnvironmentsModel, environmentsModelOf } from '../model/environment';
import { EnvironmentPlan, planEnvironments } from '../plan/environment-plan';
import { PolicyFileData } from '../policy/policy-file';
import { readPolicy } from '../policy/read-policy';
import { AppliedSuppression, checkEnvironmentsFile, checkFiles, checkProject, checkWrittenFile } from '../rules/run-rules';
import { JsonDocument } from './json-document';
import { MAX_FILE_BYTES } from './read-file';
import { Problem, sortProblems } from './problem';
import { SchemaChecker } from './schema-problems';
import { FolderEntry, ProjectSource } from './sources/project-source';
import { WORKING_TREE } from './sources/working-tree';

export const DEFAULT_ALLOWLISTS_DIR = 'allowlists';
export const DEFAULT_ENVIRONMENTS_FILE = 'stacks/environments.json';
export const DEFAULT_POLICY_FILE = 'policy.json';

/** Files in the allow-lists folder that are not allow lists; any other file that is not `<name>.json` is refused. */
const NOT_ALLOWLISTS: ReadonlySet<string> = new Set(['schema.json', 'README.md', '.gitkeep']);

/** Whether a file name in the allow-lists folder is an app's allow list (`<key>.json`). */
export function isAllowlistFile(name: string): boolean {
  return name.endsWith('.json') && !NOT_ALLOWLISTS.has(name);
}

/** policy.json grants groups to every team by exact name, so a large org's can outgrow MAX_FILE_BYTES. */
export const MAX_POLICY_BYTES = 16 * MAX_FILE_BYTES;

export interface ProjectSources {
  /** Where the files are read: the working tree, or a commit (GitSource). @default WORKING_TREE */
  readonly source?: ProjectSource;
  /** Folder of `<app-key>.json` files. @default "allowlists" */
  readonly allowlistsDir?: string;
  /** The environments file. @default "stacks/environments.json" */
  readonly environmentsFile?: string;
  /**
   * The guardrails file. A missing file given here is an error; a missing default is only a
   * warning, so fixtures without a policy still load.
   * @default "policy.json" beside the allow-lists folder
   */
  readonly policyFile?: string;
}

export interface Project {
  readonly environments: EnvironmentsModel;
  readonly apps: readonly AppModel[];
  readonly plans: readonly EnvironmentPlan[];
  /** Policy rules files exempt themselves from, with their reasons, for reviewers. */
  readonly suppressions: readonly AppliedSuppression[];
}

export interface LoadResult {
  /** Set only when there are no problems. */
  readonly project?: Project;
  /** Everything that blocks, sorted. */
  readonly problems: Problem[];
  /** Policy findings at level "warning": reported, never blocking. Sorted. */
  readonly warnings: Problem[];
}

const allowlistSchema = new SchemaChecker(AllowlistFile);
const environmentsSchema = new SchemaChecker(EnvironmentsFile);

/**
 * Loads and validates everything. Returns every problem in every file; `project` is set only
 * when there are none, so nothing downstream ever sees a half-valid model and planning cannot
 * fail. The rules run in the phases of their scope (lib/rules/rule.ts): the environments file,
 * each allow-list file as written, each file's model (the built-in pack, then the policy pack on
 * every file that has the right shape), and the project rules across the files that passed.
 */
export function loadProject(sources: ProjectSources = {}): LoadResult {
  const source = sources.source ?? WORKING_TREE;
  const dir = sources.allowlistsDir ?? DEFAULT_ALLOWLISTS_DIR;
  const environmentsPath = sources.environmentsFile ?? DEFAULT_ENVIRONMENTS_FILE;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];

  const environments = loadEnvironments(source, environmentsPath, problems);
  const files = listAllowlists(source, dir, problems).flatMap((path) => checkAllowlistShape(source, path, problems));
  const policy = loadPolicy(
    source,
    sources.policyFile ?? join(dirname(dir), DEFAULT_POLICY_FILE),
    sources.policyFile !== undefined,
    environments,
    problems,
    warnings,
  );
  if (!environments) return { problems: sortProblems(problems), warnings: sortProblems(warnings) };

  const apps = files.map((file) => appModelOf(file, environments));
  const checked = checkFiles(apps, { environments, policy });
  // A loop, not push(...): a policy can find hundreds of thousands of problems in a large project.
  for (const error of checked.errors) problems.push(error);
  for (const warning of checked.warnings) warnings.push(warning);
  // Project rules compare files, so they read only the files every file rule passed.
  const failed = new Set(checked.errors.map((error) => error.file));
  const passed = apps.filter((app) => !failed.has(app.file));
  for (const conflict of checkProject(passed, { environments })) problems.push(conflict);
  if (problems.length > 0) return { problems: sortProblems(problems), warnings: sortProblems(warnings) };

  // Every finding is located by now: a valid project keeps its files' text, not their syntax trees.
  for (const app of apps) app.document.releaseSyntaxTree();
  return {
    project: { environments, apps, plans: planEnvironments(apps, environments), suppressions: checked.suppressions },
    problems: [],
    warnings: sortProblems(warnings),
  };
}

function loadPolicy(
  source: ProjectSource,
  path: string,
  required: boolean,
  environments: EnvironmentsModel | undefined,
  problems: Problem[],
  warnings: Problem[],
): PolicyFileData | undefined {
  if (!required && !source.exists(path)) {
    warnings.push({
      file: path,
      line: 1,
      column: 1,
      level: 'warning',
      message: `there is no policy file beside the allow-lists folder, so the guardrails were not checked: add ${path} or pass --policy <file> (see docs/policy.md)`,
    });
    return undefined;
  }
  const document = parseFile(source, path, problems, MAX_POLICY_BYTES);
  if (!document) return undefined;
  const { policy, problems: found } = readPolicy(document, environments);
  problems.push(...found);
  return policy;
}

function loadEnvironments(source: ProjectSource, path: string, problems: Problem[]): EnvironmentsModel | undefined {
  const document = parseFile(source, path, problems);
  if (!document) return undefined;
  const shape = environmentsSchema.problems(document);
  problems.push(...shape);
  if (shape.length > 0) return undefined;
  const data = document.value as EnvironmentsFileData;
  const model = environmentsModelOf(data);
  const findings = checkEnvironmentsFile(document, data, model);
  problems.push(...findings);
  return findings.length > 0 ? undefined : model;
}

/**
 * The allow-list files in `dir`, by path, in name order. Whatever else the folder holds is a
 * problem (the lenient readers of a past commit ignore those): a file that is not `<key>.json`,
 * or a link out of the folder.
 */
export function listAllowlists(source: ProjectSource, dir: string, problems: Problem[]): string[] {
  let entries: FolderEntry[];
  try {
    entries = source.list(dir);
  } catch (error) {
    problems.push({ file: dir, line: 1, column: 1, message: `cannot read the allow-lists folder: ${(error as Error).message}` });
    return [];
  }
  const paths: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const refuse = (message: string): void => {
      problems.push({ file: path, line: 1, column: 1, message });
    };
    if (NOT_ALLOWLISTS.has(entry.name)) continue;
    if (!isAllowlistFile(entry.name)) {
      const lower = entry.name.toLowerCase();
      const hint = lower.endsWith('.json') ? `rename it to "${entry.name.slice(0, -'.json'.length)}.json"` : 'move it out of the folder';
      refuse(
        `every file in ${dir} must be an allow list named "<key>.json", but got ${JSON.stringify(entry.name)}, which would be ignored: ${hint}`,
      );
    } else if (entry.kind === 'link' && !source.linkStaysInside(dir, path)) {
      refuse(
        `an allow-list file must not be a link to a file outside ${dir}, but ${JSON.stringify(entry.name)} is: copy the file into the folder instead`,
      );
    } else {
      paths.push(path);
    }
  }
  return paths;
}

function checkAllowlistShape(source: ProjectSource, path: string, problems: Problem[]): CheckedFile[] {
  const document = parseFile(source, path, problems);
  if (!document) return [];
  const shape = allowlistSchema.problems(document);
  if (shape.length > 0) {
    problems.push(...shape);
    return [];
  }
  const data = document.value as CheckedFile['data'];
  const written = checkWrittenFile(document, data);
  problems.push(...written);
  return written.length > 0 ? [] : [{ key: basename(path, '.json'), document, data }];
}

function parseFile(source: ProjectSource, path: string, problems: Problem[], maxBytes = MAX_FILE_BYTES): JsonDocument | undefined {
  let text: string;
  try {
    text = source.read(path, maxBytes);
  } catch (error) {
    problems.push({ file: path, line: 1, column: 1, message: `cannot read the file: ${(error as Error).message}` });
    return undefined;
  }
  const { document, problems: syntax } = JsonDocument.parse(path, text);
  problems.push(...syntax);
  return document;
}
