/** Okta cursor paging: `limit`, `after` (ID of the last item seen) and `Link` headers. */
import { validation } from './errors';
import type { ApiRequest } from './http-types';
import type { JsonObject } from './types';

/** One page of a list plus its `Link` header values (self, and next when more remain). */
export interface Page {
  items: JsonObject[];
  links: string[];
}

/**
 * Cuts `items` (already filtered, in listing order) into the page the request asks for.
 * Each Link value goes out as its own header line: the Okta Go SDKs split every Link line
 * on ";" and would follow a comma-joined "self" link forever.
 */
export function paginate(items: JsonObject[], req: ApiRequest, defaultLimit: number, maxLimit: number): Page {
  const rawLimit = req.query.get('limit');
  let limit = defaultLimit;
  if (rawLimit !== null) {
    limit = Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1) throw validation(`limit: '${rawLimit}' is not a valid limit`);
    limit = Math.min(limit, maxLimit);
  }
  const after = req.query.get('after');
  const start = after === null ? 0 : items.findIndex((item) => item.id === after) + 1;
  const pageItems = items.slice(start, start + limit);
  const links = [`<${req.origin}${req.path}${queryString(req.query)}>; rel="self"`];
  if (start + limit < items.length && pageItems.length > 0) {
    const next = new URLSearchParams(req.query);
    next.set('after', String(pageItems[pageItems.length - 1].id));
    next.set('limit', String(limit));
    links.push(`<${req.origin}${req.path}${queryString(next)}>; rel="next"`);
  }
  return { items: pageItems, links };
}

function queryString(query: URLSearchParams): string {
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}
