/**
 * Records and checks the last commit of main each stack is in line with (lib/pipeline/applied-commits.ts).
 *
 *   tsx scripts/ci/applied-commits.ts record --commit <sha> --stacks '["dev--a"]' --run-url <url>   (apply: report job)
 *   tsx scripts/ci/applied-commits.ts check --affected affected.json [--history 300] [--summary <file>]   (drift)
 *
 * `check` reads the stacks of affected.json's `planned` list (the drift run's every-stack
 * selection), main's first-parent history from HEAD, and exits 1 with a `::error` per stack
 * that main changed after its last apply, or that no commit of the history records.
 * Reads GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL from the environment.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { affectedStacks, AffectedStacks } from '../../lib/pipeline/affected-stacks';
import { escapeData } from '../../lib/pipeline/annotations';
import { lastApplied, recordApplied, unappliedStacks } from '../../lib/pipeline/applied-commits';
import { git } from '../../lib/pipeline/git-files';
import { fetchClient } from '../../lib/pipeline/github';

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: { commit: { type: 'string' }, stacks: { type: 'string' }, 'run-url': { type: 'string' }, affected: { type: 'string' }, history: { type: 'string', default: '300' }, summary: { type: 'string' } },
  });
  const repository = required('GITHUB_REPOSITORY', process.env.GITHUB_REPOSITORY);
  const client = fetchClient({ token: required('GITHUB_TOKEN', process.env.GITHUB_TOKEN), apiUrl: process.env.GITHUB_API_URL });
  if (command === 'record') {
    const stacks = JSON.parse(required('--stacks', values.stacks)) as string[];
    await recordApplied(client, repository, required('--commit', values.commit), stacks, required('--run-url', values['run-url']));
    console.log(`recorded ${stacks.length} stack(s) in line with ${values.commit}`);
    return 0;
  }
  if (command !== 'check') throw new Error(`the command must be "record" or "check", but got "${command ?? ''}"`);
  const selection = JSON.parse(readFileSync(required('--affected', values.affected), 'utf8')) as AffectedStacks;
  const stacks = selection.planned.map((s) => s.stack);
  const history = git(undefined, 'rev-list', '--first-parent', `--max-count=${Number(values.history)}`, 'HEAD').split('\n').filter(Boolean);
  const applied = await lastApplied(client, repository, history, stacks);
  const behind = unappliedStacks(stacks, applied, history[0], (commit) => new Set(affectedStacks({ base: commit }).planned.map((s) => s.stack)));
  const lines = behind.map(({ stack, applied: commit }) =>
    commit
      ? `${stack}: main changed its Terraform after ${commit.slice(0, 12)}, the last commit it was applied at; run the Apply workflow by hand (every stack)`
      : `${stack}: none of the last ${history.length} commits of main records an apply of it; run the Apply workflow by hand (every stack)`,
  );
  for (const line of lines) console.log(`::error title=Merged but not applied::${escapeData(line)}`);
  if (values.summary) {
    appendFileSync(values.summary, lines.length ? `### Merged but not applied\n\n${lines.map((l) => `- ${l}`).join('\n')}\n` : 'Every stack is applied at main.\n');
  }
  console.log(`${stacks.length - behind.length} of ${stacks.length} stack(s) in line with main`);
  return behind.length > 0 ? 1 : 0;
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`${name} must be set, but it is missing`);
  return value;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`error: ${error.message}`);
    process.exitCode = 2;
  },
);
