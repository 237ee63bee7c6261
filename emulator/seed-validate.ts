/** Reads and checks a JSON seed file, naming the exact path of anything wrong. */
import { readFileSync } from 'node:fs';
import type { EmulatorSeed } from './types';

type Check = (value: unknown, path: string) => void;

const fail = (path: string, what: string): never => {
  throw new Error(`invalid emulator seed: ${path} ${what}`);
};
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const string: Check = (v, p) => void (typeof v === 'string' || fail(p, 'must be a string'));
const boolean: Check = (v, p) => void (typeof v === 'boolean' || fail(p, 'must be a boolean'));
const number: Check = (v, p) => void (typeof v === 'number' || fail(p, 'must be a number'));
const object: Check = (v, p) => void (isObject(v) || fail(p, 'must be an object'));
const oneOf =
  (...values: string[]): Check =>
  (v, p) =>
    void (values.includes(v as string) || fail(p, `must be one of ${values.join(', ')}`));
const list =
  (item: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) fail(p, 'must be an array');
    (v as unknown[]).forEach((x, i) => item(x, `${p}[${i}]`));
  };
/** An object with required (`name`) and optional (`name?`) keys; unknown keys are refused to catch typos. */
const shape =
  (fields: Record<string, Check>): Check =>
  (v, p) => {
    object(v, p);
    const record = v as Record<string, unknown>;
    const known = Object.keys(fields).map((k) => k.replace(/\?$/, ''));
    for (const key of Object.keys(record))
      if (!known.includes(key)) fail(`${p}.${key}`, `is not a known field (known: ${known.join(', ')})`);
    for (const [key, check] of Object.entries(fields)) {
      const name = key.replace(/\?$/, '');
      if (record[name] === undefined) {
        if (!key.endsWith('?')) fail(`${p}.${name}`, 'is required');
      } else check(record[name], `${p}.${name}`);
    }
  };

const groupCheck = shape({ 'id?': string, name: string, 'description?': string, 'type?': oneOf('OKTA_GROUP', 'APP_GROUP', 'BUILT_IN') });
const claimCheck = shape({
  'id?': string,
  name: string,
  claimType: oneOf('RESOURCE', 'IDENTITY'),
  'valueType?': oneOf('EXPRESSION', 'GROUPS', 'SYSTEM'),
  value: string,
  'group_filter_type?': string,
  'alwaysIncludeInToken?': boolean,
  'status?': oneOf('ACTIVE', 'INACTIVE'),
  'conditions?': shape({ 'scopes?': list(string) }),
});
const scopeCheck = shape({
  'id?': string,
  name: string,
  'description?': string,
  'displayName?': string,
  'metadataPublish?': oneOf('ALL_CLIENTS', 'NO_CLIENTS'),
  'consent?': oneOf('REQUIRED', 'IMPLICIT', 'FLEXIBLE'),
  'default?': boolean,
  'system?': boolean,
});
const policyCheck = shape({
  'id?': string,
  name: string,
  'description?': string,
  'priority?': number,
  'status?': oneOf('ACTIVE', 'INACTIVE'),
  'conditions?': object,
  'rules?': list(object),
});
const serverCheck = shape({
  'id?': string,
  name: string,
  'description?': string,
  'audiences?': list(string),
  'scopes?': list(scopeCheck),
  'claims?': list(claimCheck),
  'policies?': list(policyCheck),
});
const appCheck = shape({
  'id?': string,
  label: string,
  'type?': oneOf('web', 'native', 'browser', 'service'),
  'status?': oneOf('ACTIVE', 'INACTIVE'),
  'profile?': object,
  'redirectUris?': list(string),
  'grantTypes?': list(string),
  'groupsClaim?': shape({ name: string, value: string, valueType: oneOf('EXPRESSION', 'GROUPS'), 'groupFilterType?': string }),
  'groupIds?': list(string),
  'oauthClient?': object,
  'credentials?': object,
  'hide?': shape({ iOS: boolean, web: boolean }),
});
const userCheck = shape({ 'id?': string, login: string, 'firstName?': string, 'lastName?': string });
const seedCheck = shape({
  'groups?': list(groupCheck),
  'authServers?': list(serverCheck),
  'apps?': list(appCheck),
  'users?': list(userCheck),
});

/** Checks an already parsed seed; throws an Error naming the offending path. */
export function validateSeed(value: unknown, source = 'seed'): EmulatorSeed {
  seedCheck(value, source);
  return value as EmulatorSeed;
}

/** Reads and validates a JSON seed file. */
export function loadSeed(file: string): EmulatorSeed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`invalid emulator seed: cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  return validateSeed(parsed, file);
}
