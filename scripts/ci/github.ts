/**
 * Posts what the workflows produce to GitHub, using only the job's `github.token`.
 *
 *   tsx scripts/ci/github.ts comment --environment dev --purpose plan --body-file comment.md --pr 12
 *   tsx scripts/ci/github.ts comment --environment dev --purpose apply --body-file body.md --commit <sha>
 *   tsx scripts/ci/github.ts outdated --environment dev --pr 12 --note "<why>"    (a failed check)
 *   tsx scripts/ci/github.ts drift-issue --environment dev --body-file drift.md --stacks '["dev--a"]' --note "<comment>"
 *   tsx scripts/ci/github.ts drift-issue --environment dev --clean               (no drift)
 *   tsx scripts/ci/github.ts apply-issue --environment dev --failed '[…]' --matching '[…]' [--body-file f.md] --note "<comment>"
 *   tsx scripts/ci/github.ts reviewed-run --commit <sha>                        (outputs run-id, pr)
 *
 * `apply-issue` also closes the drift issue when every drifting stack now matches main.
 * Reads GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL from the environment.
 */
import { readFileSync } from 'node:fs';
import { defineCommand, ParsedCommandLine, UsageError } from '../../lib/cli/command-line';
import { runCommand } from '../../lib/cli/run';
import { commentMarker } from '../../lib/pipeline/comment';
import {
  closeDriftIssueAfterApply,
  fetchClient,
  markCommentOutdated,
  pullRequestOfCommit,
  reviewedPlanRun,
  syncApplyIssue,
  syncDriftIssue,
  upsertComment,
} from '../../lib/pipeline/github';
import { writeStepOutputs } from '../../lib/pipeline/step-outputs';

const COMMANDS = ['comment', 'outdated', 'drift-issue', 'apply-issue', 'reviewed-run'] as const;

const GITHUB = defineCommand({
  usage: `tsx scripts/ci/github.ts <${COMMANDS.join('|')}> [options]`,
  summary:
    'Posts what the workflows produce to GitHub (comments, outdated marks, drift and apply-failure issues) with the job token; reads GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL.',
  options: {
    environment: { type: 'string', value: 'env', description: 'the environment (every command but reviewed-run)' },
    purpose: { type: 'string', value: 'plan|apply', description: 'comment: which comment', default: 'plan' },
    'body-file': { type: 'string', value: 'file', description: 'the Markdown body' },
    pr: { type: 'string', value: 'number', description: 'the pull request' },
    commit: { type: 'string', value: 'sha', description: 'comment, reviewed-run: the merged commit' },
    clean: { type: 'boolean', description: 'drift-issue: no drift' },
    note: { type: 'string', value: 'text', description: 'the comment to add' },
    stacks: { type: 'string', value: 'JSON list', description: 'drift-issue: the drifting stacks' },
    failed: { type: 'string', value: 'JSON list', description: 'apply-issue: the stacks that failed' },
    matching: { type: 'string', value: 'JSON list', description: 'apply-issue: the stacks now in line with main' },
  },
  positionals: { name: '<command>', description: COMMANDS.join(', '), min: 1 },
  example: 'tsx scripts/ci/github.ts comment --environment dev --purpose plan --body-file comment.md --pr 12',
});

void runCommand(GITHUB, async ({ values, positionals: [command] }) => {
  if (!(COMMANDS as readonly string[]).includes(command))
    throw new UsageError(`the command must be one of ${COMMANDS.join(', ')}, but got "${command}"`);
  return [await post(command as (typeof COMMANDS)[number], values)];
});

async function post(command: (typeof COMMANDS)[number], values: ParsedCommandLine<typeof GITHUB.options>['values']): Promise<string> {
  const repository = required('GITHUB_REPOSITORY', process.env.GITHUB_REPOSITORY);
  const client = fetchClient({ token: required('GITHUB_TOKEN', process.env.GITHUB_TOKEN), apiUrl: process.env.GITHUB_API_URL });
  const body = (): string => readFileSync(required('--body-file', values['body-file']), 'utf8');
  const list = (name: 'stacks' | 'failed' | 'matching'): string[] => JSON.parse(values[name] ?? '[]') as string[];

  if (command === 'reviewed-run') {
    const found = await reviewedPlanRun(client, repository, required('--commit', values.commit));
    writeStepOutputs({ 'run-id': found ? String(found.runId) : '', pr: found ? String(found.pr) : '' });
    return found
      ? `reviewed plans: run ${found.runId} of #${found.pr}`
      : 'no pull request run planned this commit: every plan with changes needs approval';
  }
  const environment = required('--environment', values.environment);
  if (command === 'comment') {
    const purpose = values.purpose as 'plan' | 'apply';
    const issueNumber = values.pr
      ? Number(values.pr)
      : await pullRequestOfCommit(client, repository, required('--pr or --commit', values.commit));
    if (issueNumber === undefined) return `no merged pull request contains ${values.commit}; nothing to comment on`;
    const result = await upsertComment(client, { repository, issueNumber, marker: commentMarker(purpose, environment), body: body() });
    return `${result} the ${purpose} comment for ${environment} on #${issueNumber}`;
  }
  if (command === 'outdated') {
    const issueNumber = Number(required('--pr', values.pr));
    const result = await markCommentOutdated(client, {
      repository,
      issueNumber,
      marker: commentMarker('plan', environment),
      warning: required('--note', values.note),
    });
    return `plan comment for ${environment} on #${issueNumber}: ${result}`;
  }
  if (command === 'drift-issue') {
    const result = await syncDriftIssue(client, {
      repository,
      marker: commentMarker('drift', environment),
      title: `Okta drift in ${environment}`,
      body: values.clean ? undefined : body(),
      stacks: list('stacks'),
      comment: values.note,
    });
    return `drift issue for ${environment}: ${result}`;
  }
  // The one command left: apply-issue.
  const failed = list('failed');
  const matching = list('matching');
  const comment = required('--note', values.note);
  const apply = await syncApplyIssue(client, {
    repository,
    marker: commentMarker('apply-failed', environment),
    title: `Okta apply failed in ${environment}`,
    failed,
    matching,
    body: failed.length > 0 ? body() : undefined,
    comment,
  });
  const drift = await closeDriftIssueAfterApply(client, {
    repository,
    marker: commentMarker('drift', environment),
    matching,
    comment: `Every drifting stack was applied from main: ${comment}`,
  });
  return `apply issue for ${environment}: ${apply}; drift issue: ${drift}`;
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new UsageError(`${name} must be set, but it is missing`);
  return value;
}
