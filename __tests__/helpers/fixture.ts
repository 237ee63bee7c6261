import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject } from '../../lib/load/load-project';
import { formatProblem } from '../../lib/load/problem';

/**
 * A minimal valid environments file: dev (API token, custom server "default") and prod. The
 * server is dedicated to managed apps, so claims without "scopes" stay unscoped as most cases
 * expect; the default restriction to "groups" has its own cases.
 */
export function environments(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const env = (orgName: string) => ({
    orgName,
    baseUrl: 'oktapreview.com',
    auth: { method: 'api_token' },
    authorizationServers: { default: { id: 'default', dedicatedToManagedApps: true } },
    backend: { type: 'local' },
  });
  return { environments: { dev: env('acme-dev'), prod: env('acme'), ...overrides } };
}

/** A minimal valid allow-list file; `changes` are merged over it at the top level. */
export function allowlist(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    owners: ['@acme/payroll'],
    app: {
      label: 'Payroll Portal',
      type: 'web',
      redirectUris: ['https://payroll.example.com/callback'],
      grantTypes: ['authorization_code'],
    },
    allowlist: { groups: ['Payroll Admins', 'Payroll Users'] },
    claims: [{ server: 'org' }, { server: 'default', token: 'access' }],
    ...changes,
  };
}

export interface Fixture {
  readonly dir: string;
  readonly allowlistsDir: string;
  readonly environmentsFile: string;
}

/**
 * Writes a project into a fresh temp folder. Values that are strings are written verbatim
 * (for syntax-error cases); objects are pretty-printed like a person would write them.
 */
export function writeProject(files: Record<string, unknown>, envs: unknown = environments()): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'allowlists-'));
  const allowlistsDir = join(dir, 'allowlists');
  mkdirSync(allowlistsDir);
  const environmentsFile = join(dir, 'environments.json');
  const text = (value: unknown) => (typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
  writeFileSync(environmentsFile, text(envs));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(allowlistsDir, name), text(content));
  return { dir, allowlistsDir, environmentsFile };
}

/** Loads a written project and returns its problems as `file:line:column: message` with the temp folder removed. */
export function problemsOf(files: Record<string, unknown>, envs?: unknown): string[] {
  const fixture = writeProject(files, envs);
  const { problems } = loadProject(fixture);
  return problems.map((p) => formatProblem(p).split(`${fixture.dir}/`).join(''));
}

/** Loads a written project that must be valid. */
export function projectOf(files: Record<string, unknown>, envs?: unknown) {
  const fixture = writeProject(files, envs);
  const { project, problems } = loadProject(fixture);
  if (!project) throw new Error(`expected a valid project, got:\n${problems.map(formatProblem).join('\n')}`);
  return project;
}
