/**
 * Posts what the workflows produce to GitHub, using only the job's `github.token`.
 *
 *   tsx scripts/ci/github.ts comment --environment dev --purpose plan --body-file comment.md --pr 12
 *   tsx scripts/ci/github.ts comment --environment dev --purpose apply --body-file body.md --commit <sha>
 *   tsx scripts/ci/github.ts drift-issue --environment dev --body-file drift.md   (drift found)
 *   tsx scripts/ci/github.ts drift-issue --environment dev --clean               (no drift)
 *
 * Reads GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL from the environment.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { commentMarker } from '../../lib/pipeline/comment';
import { fetchClient, pullRequestOfCommit, syncDriftIssue, upsertComment } from '../../lib/pipeline/github';

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
    },
  });
  const environment = required('--environment', values.environment);
  const repository = required('GITHUB_REPOSITORY', process.env.GITHUB_REPOSITORY);
  const client = fetchClient({ token: required('GITHUB_TOKEN', process.env.GITHUB_TOKEN), apiUrl: process.env.GITHUB_API_URL });
  const body = (): string => readFileSync(required('--body-file', values['body-file']), 'utf8');

  if (command === 'comment') {
    const purpose = values.purpose as 'plan' | 'apply';
    const issueNumber = values.pr ? Number(values.pr) : await pullRequestOfCommit(client, repository, required('--pr or --commit', values.commit));
    if (issueNumber === undefined) return `no merged pull request contains ${values.commit}; nothing to comment on`;
    const result = await upsertComment(client, { repository, issueNumber, marker: commentMarker(purpose, environment), body: body() });
    return `${result} the ${purpose} comment for ${environment} on #${issueNumber}`;
  }
  if (command === 'drift-issue') {
    const result = await syncDriftIssue(client, {
      repository,
      marker: commentMarker('drift', environment),
      title: `Okta drift in ${environment}`,
      body: values.clean ? undefined : body(),
    });
    return `drift issue for ${environment}: ${result}`;
  }
  throw new Error(`the command must be "comment" or "drift-issue", but got "${command ?? ''}"`);
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
