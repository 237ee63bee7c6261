/**
 * One API request from arrival to answer: token check, rate limit, fault injection, route,
 * logging. Kept apart from server start-up so the order of these steps reads in one place.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TLSSocket } from 'node:tls';
import { OktaError, invalidToken, rateLimited, serverError } from './errors';
import type { FaultInjector } from './faults';
import type { ApiResponse, OrgContext } from './http-types';
import { type RateLimiter, familyOf } from './rate-limits';
import type { RequestLog } from './request-log';
import { resolve } from './router';
import type { Json } from './types';

/** Everything a request needs from the running emulator. */
export interface Pipeline {
  org: OrgContext;
  apiToken: string;
  limiter: RateLimiter;
  faults: FaultInjector;
  log: RequestLog;
}

/** Serves one API request. */
export async function handleApiRequest(
  pipeline: Pipeline,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  rawBody: string,
): Promise<void> {
  const startedAt = Date.now();
  const method = req.method ?? 'GET';
  const family = familyOf(url.pathname);
  const origin = req.socket instanceof TLSSocket ? `https://${pipeline.org.orgHost}` : `http://${req.headers.host ?? '127.0.0.1'}`;
  let headers: Record<string, string> = {};
  let answer: ApiResponse;
  try {
    // Okta serves the well-known metadata without a token.
    if (!url.pathname.startsWith('/.well-known/') && req.headers.authorization !== `SSWS ${pipeline.apiToken}`) throw invalidToken();
    const decision = pipeline.limiter.take(family);
    headers = decision.headers;
    if (!decision.allowed) throw rateLimited();
    answer = await withFaults(pipeline, method, url.pathname, () => {
      const { handler, params } = resolve(method, url.pathname);
      const body = parseBody(rawBody);
      return handler({ method, path: url.pathname, query: url.searchParams, body, origin, params }, pipeline.org);
    });
  } catch (error) {
    answer = errorAnswer(error);
  }
  res.writeHead(answer.status, {
    ...headers,
    ...answer.headers,
    ...(answer.body === undefined ? {} : { 'Content-Type': 'application/json' }),
  });
  res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  pipeline.log.add({
    method,
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    status: answer.status,
    startedAt,
    ms: Date.now() - startedAt,
    family,
  });
}

/** Runs the route under any matching fault: delay, error instead of the effect, or error after it. */
async function withFaults(pipeline: Pipeline, method: string, path: string, run: () => ApiResponse): Promise<ApiResponse> {
  const fault = pipeline.faults.match(method, path);
  if (fault && fault.latencyMs > 0) await new Promise((r) => setTimeout(r, fault.latencyMs));
  if (fault?.status === undefined) return run();
  if (fault.afterApply) {
    // The effect happens, the answer is lost: what a 5xx after a committed write looks like.
    try {
      run();
    } catch {
      // The injected status is the answer whatever the route said.
    }
  }
  throw fault.status === 429
    ? rateLimited()
    : fault.status >= 500
      ? serverError(fault.status)
      : new OktaError(fault.status, 'E0000001', 'Injected fault');
}

function parseBody(raw: string): Json | undefined {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as Json;
  } catch {
    throw new OktaError(400, 'E0000003', 'The request body was not well-formed.');
  }
}

function errorAnswer(error: unknown): ApiResponse {
  if (error instanceof OktaError) return { status: error.status, body: error.body() };
  // A bug in the emulator must not pass for a valid answer.
  console.error('okta emulator: internal error', error);
  return { status: 500, body: serverError(500).body() };
}
