import { JsonPath } from '../load/json-document';
import { AllowlistFileData } from '../model/allowlist-file';
import { AppModel } from '../model/app';
import { EnvironmentsFileData } from '../model/environments-file';
import { EnvironmentsModel } from '../model/environment';

/** Something a rule found, at a place in the app's file. */
export interface Finding {
  readonly path: JsonPath;
  readonly message: string;
}

/** A finding of a project rule, in the file of `app`. */
export interface ProjectFinding extends Finding {
  readonly app: AppModel;
}

export interface RuleContext {
  readonly environments: EnvironmentsModel;
}

export const quoted = (values: Iterable<string>): string => [...values].map((v) => `"${v}"`).join(', ');

export type RuleLevel = 'error' | 'warning';

/**
 * What a rule checks, which is also when it runs:
 * - `environments`: the environments file, before any allow list is read;
 * - `written-file`: one allow-list file as written, after its schema and before its model is
 *   built (for facts the model relies on);
 * - `file`: one allow-list file's model;
 * - `project`: every file at once (facts two files must agree on), once every file passed.
 */
export type RuleScope = 'environments' | 'written-file' | 'file' | 'project';

/**
 * One check, modelled on cdk-nag: a stable ID, the texts the docs, messages and PR summary show,
 * a level and a pure check whose input is fixed by its scope.
 */
export interface RuleInfo {
  /** Stable ID: "OKTA-G1" for a policy rule, the file name (e.g. "claims-are-unique") for a built-in one. Never reuse one. */
  readonly id: string;
  readonly scope: RuleScope;
  /** What the rule checks, in a few words of plain text (annotation titles show it as it is). */
  readonly title: string;
  /** Why the rule exists and what passes, for people who meet it for the first time (Markdown, shown in the docs). */
  readonly explanation: string;
  /** The level unless policy.json sets another. */
  readonly level: RuleLevel;
  /** false: policy.json can neither change the level nor allow suppressing it. @default true */
  readonly configurable?: boolean;
}

/** Reads the file as written, or its model (defaults applied, with whether each was given). */
export type EnvironmentsCheck = (environments: EnvironmentsFileData, model: EnvironmentsModel) => Finding[];
export type WrittenFileCheck = (data: AllowlistFileData) => Finding[];
export type FileCheck<Context = RuleContext> = (app: AppModel, context: Context) => Finding[];
export type ProjectCheck = (apps: readonly AppModel[], context: RuleContext) => ProjectFinding[];

/** A built-in rule: always an error, never suppressible, not configurable by policy.json. */
interface BuiltIn extends RuleInfo {
  readonly level: 'error';
  readonly configurable: false;
}

export interface EnvironmentsRule extends BuiltIn {
  readonly scope: 'environments';
  readonly check: EnvironmentsCheck;
}

export interface WrittenFileRule extends BuiltIn {
  readonly scope: 'written-file';
  readonly check: WrittenFileCheck;
}

export interface FileRule extends BuiltIn {
  readonly scope: 'file';
  readonly check: FileCheck;
}

export interface ProjectRule extends BuiltIn {
  readonly scope: 'project';
  readonly check: ProjectCheck;
}

/** Every built-in rule, told apart by its scope. */
export type BuiltInRule = EnvironmentsRule | WrittenFileRule | FileRule | ProjectRule;
