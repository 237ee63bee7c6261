/**
 * The `rel="next"` URL of an Okta answer. Okta sends one `Link` header line per relation
 * (`self`, `next`); fetch joins repeated lines with ", ", so the value is split per link here.
 */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(/,\s*(?=<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /(^|;)\s*rel\s*=\s*"?next"?\s*(;|$)/.test(match[2])) return match[1];
  }
  return undefined;
}
