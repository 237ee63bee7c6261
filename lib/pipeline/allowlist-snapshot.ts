import { JsonDocument } from '../load/json-document';
import { AllowlistFileData, ClaimData } from '../model/allowlist-file';
import { AllowlistSpec, allowlistOf, ClaimSpec, claimOf } from '../model/app';

/**
 * What one allow-list file says at one commit, read leniently: a file at the base of a pull
 * request may be invalid under today's rules (or not JSON at all), and the summary must still
 * say what changed. Whatever cannot be read is left out and `unreadable` says why.
 */
export interface AppSnapshot {
  /** File name without `.json`: the app key. */
  readonly key: string;
  /** Path of the file inside the repository. */
  readonly file: string;
  readonly label?: string;
  readonly owners: readonly string[];
  /** Where `owners` is written, for annotations. @default - the file has no owners: its first line */
  readonly ownersAt?: { readonly line: number; readonly column: number };
  /** Environments named in the file. @default - every environment */
  readonly environments?: readonly string[];
  readonly allowlist?: AllowlistSpec;
  readonly claims: readonly ClaimSpec[];
  readonly importIds: Readonly<Record<string, string>>;
  readonly previousKeys: readonly string[];
  readonly retire: Readonly<Record<string, string>>;
  /** The assigned groups (who may sign in). @default - assignments are not managed by the file */
  readonly assignments?: readonly string[];
  /** Why (part of) the file could not be read. @default - it was read completely */
  readonly unreadable?: string;
}

type Loose = Record<string, unknown>;

export function snapshotOf(key: string, file: string, text: string): AppSnapshot {
  const { document, problems } = JsonDocument.parse(file, text);
  if (!document) return unreadableSnapshot(key, file, problems[0]?.message ?? 'the file could not be parsed');
  if (!isObject(document.value)) return unreadableSnapshot(key, file, 'the file does not hold a JSON object');
  const data = document.value;
  const app = isObject(data.app) ? data.app : {};
  const allowlist = readAllowlist(data.allowlist);
  const claims = Array.isArray(data.claims) ? data.claims : [];
  const readableClaims = claims.filter((c): c is ClaimData => isObject(c) && typeof c.server === 'string');
  return {
    key,
    file,
    label: typeof app.label === 'string' ? app.label : undefined,
    owners: strings(data.owners),
    ownersAt: 'owners' in data ? document.locateKey(['owners']) : undefined,
    environments: Array.isArray(data.environments) ? strings(data.environments) : undefined,
    allowlist,
    // claimOf needs an allow list only for the default limit; the largest one is the safe guess.
    claims: readableClaims.map((c) =>
      claimOf(c, claims.indexOf(c), allowlist ?? { kind: 'dynamic', match: 'startsWith', pattern: '', source: '' }),
    ),
    importIds: stringRecord(app.importIds),
    previousKeys: strings(data.previousKeys),
    retire: stringRecord(data.retire),
    assignments: readAssignments(data.assignments, allowlist),
    unreadable: allowlist && readableClaims.length === claims.length ? undefined : 'its allow list or claims do not match the schema',
  };
}

/** A file of which nothing could be read, `reason` saying why. */
export function unreadableSnapshot(key: string, file: string, reason: string): AppSnapshot {
  return { key, file, owners: [], claims: [], importIds: {}, previousKeys: [], retire: {}, unreadable: reason };
}

function readAllowlist(value: unknown): AllowlistSpec | undefined {
  if (!isObject(value)) return undefined;
  try {
    return allowlistOf({ allowlist: value } as unknown as AllowlistFileData);
  } catch {
    return undefined;
  }
}

function readAssignments(value: unknown, allowlist: AllowlistSpec | undefined): readonly string[] | undefined {
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.groups)) return strings(value.groups);
  return value.fromAllowlist === true && allowlist?.kind === 'static' ? allowlist.groups : undefined;
}

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
