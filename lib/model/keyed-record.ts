import { TSchema, TString, Type } from '@sinclair/typebox';

/**
 * `Type.Record` whose keys must match the key schema. TypeBox's record alone checks values
 * only under keys that match (`patternProperties`) and silently ignores every other key, so a
 * misspelt environment would skip validation entirely. The key's `errorMessage` is kept as
 * `keyErrorMessage` for the problem message.
 */
export function KeyedRecord<V extends TSchema>(key: TString & { errorMessage?: string }, value: V, options: Record<string, unknown> = {}) {
  return Type.Record(key, value, { ...options, additionalProperties: false, keyErrorMessage: key.errorMessage });
}
