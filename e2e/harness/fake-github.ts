import { createServer, Server } from 'node:http';

/** One request the fake GitHub API received. */
export interface GitHubCall {
  readonly method: string;
  readonly path: string;
  readonly body?: Record<string, unknown>;
}

/**
 * A local stand-in for the GitHub REST API (GITHUB_API_URL), so that scripts/ci/github.ts runs
 * unchanged without a network: it keeps issues in memory (written by the workflow's bot) and
 * records every call.
 */
export class FakeGitHub {
  readonly calls: GitHubCall[] = [];
  readonly issues: Array<{ number: number; title: string; body: string; state: string; user: { login: string; type: string } }> = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const call = {
          method: request.method ?? 'GET',
          path: request.url ?? '/',
          body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
        };
        this.calls.push(call);
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(this.answer(call)));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Issues listed, created and updated as GitHub does; comments are accepted and only recorded. */
  private answer(call: GitHubCall): unknown {
    const path = call.path.split('?')[0];
    const one = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/.exec(path);
    if (call.method === 'GET' && /\/issues$/.test(path))
      return new URLSearchParams(call.path.split('?')[1]).get('page') === '1' ? this.issues : [];
    if (call.method === 'POST' && /\/issues$/.test(path)) {
      const issue = {
        number: this.issues.length + 1,
        title: String(call.body?.title),
        body: String(call.body?.body),
        state: 'open',
        user: { login: 'github-actions[bot]', type: 'Bot' },
      };
      this.issues.push(issue);
      return issue;
    }
    if (call.method === 'PATCH' && one) {
      const issue = this.issues.find((i) => i.number === Number(one[1]))!;
      Object.assign(issue, call.body);
      return issue;
    }
    return {};
  }
}
