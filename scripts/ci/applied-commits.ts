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
import { appendFileSync } from 'node:fs';
import { defineCommand, ParsedCommandLine, UsageError } from '../../lib/cli/command-line';
import { runCommand } from '../../lib/cli/run';
import { affectedStacks, readAffectedStacks } from '../../lib/pipeline/affected-stacks';
import { escapeData } from '../../lib/pipeline/annotations';
import { lastApplied, recordApplied, unappliedStacks } from '../../lib/pipeline/applied-commits';
import { git } from '../../lib/load/sources/git';
import { fetchClient } from '../../lib/pipeline/github';

const COMMANDS = ['record', 'check'] as const;

const APPLIED_COMMITS = defineCommand({
  usage: `tsx scripts/ci/applied-commits.ts <${COMMANDS.join('|')}> [options]`,
  summary:
    'Records (apply) and checks (drift) the last commit of main each stack is in line with; reads GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL.',
  options: {
    commit: { type: 'string', value: 'sha', description: 'record: the applied commit' },
    stacks: { type: 'string', value: 'JSON list', description: 'record: the stacks now in line with it' },
    'run-url': { type: 'string', value: 'url', description: 'record: the apply run' },
    affected: { type: 'string', value: 'file', description: 'check: the every-stack selection (npm run affected output)' },
    history: { type: 'string', value: 'commits', description: "check: how many of main's commits to search", default: '300' },
    summary: { type: 'string', value: 'file', description: 'check: a Markdown summary to append to' },
  },
  positionals: { name: '<command>', description: COMMANDS.join(', '), min: 1 },
  example: 'tsx scripts/ci/applied-commits.ts check --affected affected.json --summary "$GITHUB_STEP_SUMMARY"',
});

void runCommand(APPLIED_COMMITS, async ({ values, positionals: [command] }) => {
  if (!(COMMANDS as readonly string[]).includes(command))
    throw new UsageError(`the command must be one of ${COMMANDS.join(', ')}, but got "${command}"`);
  return command === 'record' ? record(values) : check(values);
});

type Values = ParsedCommandLine<typeof APPLIED_COMMITS.options>['values'];

function github() {
  return {
    repository: required('GITHUB_REPOSITORY', process.env.GITHUB_REPOSITORY),
    client: fetchClient({ token: required('GITHUB_TOKEN', process.env.GITHUB_TOKEN), apiUrl: process.env.GITHUB_API_URL }),
  };
}

async function record(values: Values): Promise<string[]> {
  const { repository, client } = github();
  const stacks = JSON.parse(required('--stacks', values.stacks)) as string[];
  await recordApplied(client, repository, required('--commit', values.commit), stacks, required('--run-url', values['run-url']));
  return [`recorded ${stacks.length} stack(s) in line with ${values.commit}`];
}

/** Exits 1 (a finding) when a stack is behind main. */
async function check(values: Values): Promise<string[]> {
  const { repository, client } = github();
  const selection = readAffectedStacks(required('--affected', values.affected));
  const stacks = selection.planned.map((s) => s.stack);
  const history = git(undefined, 'rev-list', '--first-parent', `--max-count=${Number(values.history)}`, 'HEAD')
    .split('\n')
    .filter(Boolean);
  const applied = await lastApplied(client, repository, history, stacks);
  const behind = unappliedStacks(
    stacks,
    applied,
    history[0],
    (commit) => new Set(affectedStacks({ base: commit }).planned.map((s) => s.stack)),
  );
  const lines = behind.map(({ stack, applied: commit }) =>
    commit
      ? `${stack}: main changed its Terraform after ${commit.slice(0, 12)}, the last commit it was applied at; run the Apply workflow by hand (every stack)`
      : `${stack}: none of the last ${history.length} commits of main records an apply of it; run the Apply workflow by hand (every stack)`,
  );
  if (values.summary) {
    appendFileSync(
      values.summary,
      lines.length ? `### Merged but not applied\n\n${lines.map((l) => `- ${l}`).join('\n')}\n` : 'Every stack is applied at main.\n',
    );
  }
  if (behind.length > 0) process.exitCode = 1;
  return [
    ...lines.map((line) => `::error title=Merged but not applied::${escapeData(line)}`),
    `${stacks.length - behind.length} of ${stacks.length} stack(s) in line with main`,
  ];
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`${name} must be set, but it is missing`);
  return value;
}
