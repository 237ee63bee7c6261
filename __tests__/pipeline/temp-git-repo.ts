import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away git repository: commit file sets and get their SHAs back. */
export class TempGitRepo {
  readonly dir = mkdtempSync(join(tmpdir(), 'pipeline-git-'));

  constructor() {
    this.git('init', '-q', '-b', 'main');
  }

  /** Replaces the whole allowlists/ folder with `files` (name → JSON value or raw text) and commits. */
  commit(files: Record<string, unknown>, message = 'change'): string {
    rmSync(join(this.dir, 'allowlists'), { recursive: true, force: true });
    for (const [name, content] of Object.entries(files)) {
      const path = join(this.dir, 'allowlists', name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    }
    return this.commitAll(message);
  }

  /** Commits the working tree as it is (links included) and returns the commit's SHA. */
  commitAll(message = 'change'): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: this.dir,
      },
    });
  }
}

/** A valid allow-list file for tests, with overrides. */
export function allowlistFile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    owners: ['@acme/payroll'],
    app: { label: 'Payroll Portal', type: 'web', redirectUris: ['https://payroll.example.com/cb'], grantTypes: ['authorization_code'] },
    allowlist: { groups: ['Payroll Admins', 'Payroll Users'] },
    claims: [{ server: 'org', name: 'groups' }],
    ...overrides,
  };
}
