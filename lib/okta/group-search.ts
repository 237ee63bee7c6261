/**
 * Exact-name group searches (`GET /api/v1/groups?search=…`) and how they are split into requests.
 *
 * Okta's search expression travels in the URL's query string. A batch of 40 short names is far
 * below any URL limit, but 40 long non-ASCII names percent-encode to about 60 KB (each UTF-8 byte
 * becomes `%XX`), beyond what servers and proxies accept: RFC 9110, section 4.1, asks only that
 * URIs of 8,000 octets be supported. So a batch is closed at 40 groups or at
 * `GROUP_SEARCH_MAX_ENCODED_LENGTH` characters of encoded search, whichever comes first, which
 * leaves room below 8,000 for the host, path, `limit` and the paging cursor.
 */

/** A group the search must find: a name, or an ID (`00g…`). */
export interface SearchedGroup {
  readonly reference: string;
  readonly isId: boolean;
}

/** At most this many groups per search; cuts the calls per plan forty-fold. */
export const GROUP_SEARCH_BATCH_SIZE = 40;

/** At most this many characters of percent-encoded search expression per request. */
export const GROUP_SEARCH_MAX_ENCODED_LENGTH = 4000;

/** One group's term: an Okta search string literal with backslash escapes. */
export function groupSearchTerm(group: SearchedGroup): string {
  const value = JSON.stringify(group.reference);
  return group.isId ? `id eq ${value}` : `profile.name eq ${value}`;
}

/** The search expression of one batch. */
export function groupSearchExpression(batch: readonly SearchedGroup[]): string {
  return batch.map(groupSearchTerm).join(SEPARATOR);
}

const SEPARATOR = ' or ';

/**
 * Length of `text` once percent-encoded in a query string: unreserved ASCII characters stay, every
 * other UTF-8 byte becomes three characters. An upper bound for both `%20` and Go's `+` for spaces.
 */
export function encodedLength(text: string): number {
  let length = 0;
  for (const byte of Buffer.from(text, 'utf8')) length += isUnreserved(byte) ? 1 : 3;
  return length;
}

function isUnreserved(byte: number): boolean {
  const c = String.fromCharCode(byte);
  return /[A-Za-z0-9\-._~]/.test(c);
}

/**
 * Splits the groups, in order, into searches of at most `GROUP_SEARCH_BATCH_SIZE` groups and
 * `GROUP_SEARCH_MAX_ENCODED_LENGTH` encoded characters. A single group longer than that gets a
 * search of its own (Okta group names are at most 255 characters, so about 2.3 KB encoded).
 */
export function batchGroupSearches<T extends SearchedGroup>(groups: readonly T[]): T[][] {
  const batches: T[][] = [];
  const separator = encodedLength(SEPARATOR);
  let current: T[] = [];
  let length = 0;
  for (const group of groups) {
    const term = encodedLength(groupSearchTerm(group));
    const fits = current.length < GROUP_SEARCH_BATCH_SIZE && length + separator + term <= GROUP_SEARCH_MAX_ENCODED_LENGTH;
    if (current.length > 0 && !fits) {
      batches.push(current);
      current = [];
      length = 0;
    }
    length += (current.length > 0 ? separator : 0) + term;
    current.push(group);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
