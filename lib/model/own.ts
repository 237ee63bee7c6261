/**
 * `record[key]` for names that come from files: only the record's OWN properties count, so a name
 * such as "constructor", "toString" or "__proto__" is never found on Object.prototype.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
