import { JsonPath } from '../load/json-document';
import { AppModel } from '../model/app';
import { EnvironmentsFileData } from '../model/environments-file';

/** Something a rule found, at a place in the app's file. */
export interface Finding {
  readonly path: JsonPath;
  readonly message: string;
}

export interface RuleContext {
  readonly environments: EnvironmentsFileData;
}

/** A pure check of one allow-list file against the facts every file must respect. */
export type FileRule = (app: AppModel, context: RuleContext) => Finding[];

export const quoted = (values: Iterable<string>): string => [...values].map((v) => `"${v}"`).join(', ');

/** A pure check of the environments file. */
export type EnvironmentsRule = (environments: EnvironmentsFileData) => Finding[];
