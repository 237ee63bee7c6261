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
import { parseArgs } from 'node:util';
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

async function main(): Promise<string> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      environment: { type: 'string' },
      purpose: { type: 'string', default: 'plan' },
      'body-file': { type: 'string' },
      pr: { type: 'string' },
      commit: { type: 'string' },
      clean: { type: 'boolean' },
      note: { type: 'string' },
      stacks: { type: 'string' },
      failed: { type: 'string' },
      matching: { type: 'string' },
    },
  });
  const repository = required('GITHUB_REPOSITORY', process.env.GITHUB_REPOSITORY);
  const client = fetchClient({ token: required('GITHUB_TOKEN', process.env.GITHUB_TOKEN), apiUrl: process.env.GITHUB_API_URL });
  const body = (): string => readFileSync(required('--body-file', values['body-file']), 'utf8');
  const list = (name: 'stacks' | 'failed' | 'matching'): string[] => JSON.parse(values[name] ?? '[]') as string[];

  if (command === 'reviewed-run') {
    const found = await reviewedPlanRun(client, repository, required('--commit', values.commit));
    writeStepOutputs({ 'run-id': found ? String(found.runId) : '', pr: found ? String(found.pr) : '' });
    return found ? `reviewed plans: run ${found.runId} of #${found.pr}` : 'no pull request run planned this commit: every plan with changes needs approval';
  }
  const environment = required('--environment', values.environment);
  if (command === 'comment') {
    const purpose = values.purpose as 'plan' | 'apply';
    const issueNumber = values.pr ? Number(values.pr) : await pullRequestOfCommit(client, repository, required('--pr or --commit', values.commit));
    if (issueNumber === undefined) return `no merged pull request contains ${values.commit}; nothing to comment on`;
    const result = await upsertComment(client, { repository, issueNumber, marker: commentMarker(purpose, environment), body: body() });
    return `${result} the ${purpose} comment for ${environment} on #${issueNumber}`;
  }
  if (command === 'outdated') {
    const issueNumber = Number(required('--pr', values.pr));
    const result = await markCommentOutdated(client, { repository, issueNumber, marker: commentMarker('plan', environment), warning: required('--note', values.note) });
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
  if (command === 'apply-issue') {
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
    const drift = await closeDriftIssueAfterApply(client, { repository, marker: commentMarker('drift', environment), matching, comment: `Every drifting stack was applied from main: ${comment}` });
    return `apply issue for ${environment}: ${apply}; drift issue: ${drift}`;
  }
  throw new Error(`the command must be "comment", "outdated", "drift-issue", "apply-issue" or "reviewed-run", but got "${command ?? ''}"`);
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`${name} must be set, but it is missing`);
  return value;
}

main().then(
  (line) => console.log(line),
  (error: Error) => {
    console.error(`error: ${error.message}`);
    process.exitCode = 2;
  },
);
