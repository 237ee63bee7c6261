/** The request and response shapes route handlers work with, free of node:http. */
import type { Store } from './state';
import type { Json } from './types';

/** A parsed API request. */
export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Json | undefined;
  /** Scheme and host the client used (https://orgHost or http://127.0.0.1:port), for links. */
  origin: string;
  /** Path parameters captured by the route pattern. */
  params: Record<string, string>;
}

/** What a handler answers. */
export interface ApiResponse {
  status: number;
  body?: Json;
  headers?: Record<string, string | string[]>;
}

/** Org-wide settings and data handlers need. */
export interface OrgContext {
  store: Store;
  orgHost: string;
  identityEngine: boolean;
  claimScopesMustExist: boolean;
}

/** One route's handler. */
export type Handler = (req: ApiRequest, org: OrgContext) => ApiResponse;

/** A method + path pattern (":name" segments capture) + handler. */
export interface Route {
  method: string;
  pattern: string;
  handler: Handler;
}

/** JSON answer helper. */
export function json(body: Json, status = 200, headers?: Record<string, string | string[]>): ApiResponse {
  return { status, body, headers };
}

/** Empty 204 answer. */
export function noContent(): ApiResponse {
  return { status: 204 };
}
