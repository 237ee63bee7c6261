import { execFileSync } from 'node:child_process';

/**
 * A git runner for a throw-away repository the bench commits into: a fixed committer identity
 * and no system or user configuration, so a bench run never depends on (or changes) the
 * machine's git setup.
 */
export function scratchGit(repository: string): (...args: string[]) => string {
  return (...args) =>
    execFileSync('git', args, {
      cwd: repository,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.com',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.com',
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: repository,
      },
    });
}
